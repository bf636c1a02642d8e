import type { EuAiActCategory, Intake } from './intake-schema.ts';

/** The article (and Annex III point) each Annex III area falls under. */
const ANNEX_III_POINT: Record<Exclude<Intake['euAiActArea'], 'none'>, string> = {
  biometrics: 'Annex III point 1 (biometrics)',
  criticalInfrastructure: 'Annex III point 2 (critical infrastructure)',
  education: 'Annex III point 3 (education and vocational training)',
  employment: 'Annex III point 4 (employment and worker management)',
  essentialServices: 'Annex III point 5 (access to essential private and public services, incl. credit scoring)',
  lawEnforcement: 'Annex III point 6 (law enforcement)',
  migration: 'Annex III point 7 (migration, asylum and border control)',
  justice: 'Annex III point 8 (administration of justice and democratic processes)',
};

/** The Art. 5(1) point of each prohibited practice. */
const ARTICLE_5_POINT: Record<Exclude<Intake['prohibitedPractice'], 'none'>, string> = {
  manipulation: 'Art. 5(1)(a) (subliminal or manipulative techniques)',
  exploitingVulnerabilities: 'Art. 5(1)(b) (exploiting vulnerabilities of age, disability or situation)',
  socialScoring: 'Art. 5(1)(c) (social scoring)',
  crimePredictionByProfiling: 'Art. 5(1)(d) (predicting crime from profiling alone)',
  untargetedFacialScraping: 'Art. 5(1)(e) (untargeted scraping of facial images)',
  emotionRecognitionAtWorkOrSchool: 'Art. 5(1)(f) (emotion recognition at work or in education)',
  biometricCategorisationSensitive: 'Art. 5(1)(g) (biometric categorisation by sensitive traits)',
  realTimeRemoteBiometricIdentification: 'Art. 5(1)(h) (real-time remote biometric identification in public for law enforcement)',
};

/** The category the intake derives, the article it rests on and the answers that led to it. */
export interface EuAiActClassification {
  value: EuAiActCategory;
  /** E.g. "Art. 6(2), Annex III point 4 (employment and worker management)". */
  article: string;
  /** "question: answer" lines that decided the category. */
  because: string[];
}

/**
 * The EU AI Act category of an intake, first match wins: a prohibited practice (Art. 5) →
 * `prohibited`; an Annex III area → `highRisk` (Art. 6(2)); people interacting with the
 * system, or generated content reaching customers or the public → `transparency` (Art. 50);
 * otherwise `minimal`.
 *
 * @example
 * classifyEuAiAct({ ...intake, generatesContent: true, affected: ['customers'] }).value // 'transparency'
 */
export function classifyEuAiAct(intake: Intake): EuAiActClassification {
  if (intake.prohibitedPractice !== 'none') {
    return { value: 'prohibited', article: ARTICLE_5_POINT[intake.prohibitedPractice], because: [`prohibitedPractice: ${intake.prohibitedPractice}`] };
  }
  if (intake.euAiActArea !== 'none') {
    return { value: 'highRisk', article: `Art. 6(2), ${ANNEX_III_POINT[intake.euAiActArea]}`, because: [`euAiActArea: ${intake.euAiActArea}`] };
  }
  const reachesPeople = intake.affected.filter((group) => group === 'customers' || group === 'public' || group === 'vulnerableGroups');
  if (intake.interactsWithPeople) {
    return { value: 'transparency', article: 'Art. 50(1) (tell people they interact with an AI system)', because: ['interactsWithPeople: yes'] };
  }
  if (intake.generatesContent && reachesPeople.length > 0) {
    return {
      value: 'transparency',
      article: 'Art. 50(2)/(4) (mark or disclose AI-generated content)',
      because: ['generatesContent: yes', `affected: ${reachesPeople.join(', ')}`],
    };
  }
  return {
    value: 'minimal',
    article: 'no obligations beyond Art. 4 (AI literacy)',
    because: ['no prohibited practice, Annex III area or transparency trigger'],
  };
}
