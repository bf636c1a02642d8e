import { render } from 'solid-js/web';
import { App } from './app.tsx';
import { installEngineHook } from './lib/engine-hook.ts';
import './styles/app.css';
import './styles/print.css';

installEngineHook();
render(() => <App />, document.getElementById('root')!);
