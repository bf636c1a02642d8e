import { createEffect, createSignal, onCleanup, onMount, Show, type Component, type JSX } from 'solid-js';

export interface PlotFigureProps {
  /** Builds the chart for a width in CSS pixels; return null when there is nothing to draw. */
  plot: (width: number) => Element | null;
  /** What the chart shows, for screen readers and as the heading of the figure. */
  title: string;
  /** A sentence under the chart: what to read from it, the figures in words. */
  caption?: JSX.Element;
  /** Shown when `plot` returns null. */
  empty?: string;
  class?: string;
  testId?: string;
  /** Called after each redraw, to time the live preview. */
  onRendered?: () => void;
}

/**
 * An Observable Plot chart that follows its container's width and redraws when the
 * data it reads changes. Charts are figures with a caption that states the key figures
 * in words, so the chart is never the only carrier of a number.
 */
export const PlotFigure: Component<PlotFigureProps> = (props) => {
  let container!: HTMLDivElement;
  const [width, setWidth] = createSignal(640);
  const [isEmpty, setEmpty] = createSignal(false);

  onMount(() => {
    const measure = (): void => {
      const measured = Math.floor(container.getBoundingClientRect().width);
      if (measured > 0 && Math.abs(measured - width()) > 4) setWidth(measured);
    };
    measure();
    if (typeof ResizeObserver !== 'undefined') {
      const observer = new ResizeObserver(measure);
      observer.observe(container);
      onCleanup(() => observer.disconnect());
    }
  });

  createEffect(() => {
    let chart: Element | null = null;
    try {
      chart = props.plot(width());
    } catch (error) {
      // A chart must never take the page down; say what failed instead.
      const message = document.createElement('p');
      message.className = 'chart-error';
      message.textContent = `Chart unavailable: ${error instanceof Error ? error.message : String(error)}`;
      chart = message;
    }
    setEmpty(chart === null);
    container.replaceChildren(...(chart ? [chart] : []));
    props.onRendered?.();
  });

  return (
    <figure class={`chart ${props.class ?? ''}`} data-testid={props.testId} aria-label={props.title}>
      <figcaption class="chart-title">{props.title}</figcaption>
      <div class="chart-body" ref={container} />
      <Show when={isEmpty()}>
        <p class="chart-empty">{props.empty ?? 'No data yet.'}</p>
      </Show>
      <Show when={props.caption}>
        <p class="chart-caption">{props.caption}</p>
      </Show>
    </figure>
  );
};
