import {
  EU_AI_ACT_AREAS,
  EU_AI_ACT_PROHIBITED_PRACTICES,
  INTAKE_AFFECTED,
  INTAKE_AUTONOMY,
  INTAKE_DECISIONS,
  INTAKE_PERSONAL_DATA,
  type EuAiActCategory,
  type Intake,
} from '../../../models/case/intake-schema.ts';

/*
 * The intake questionnaire as people read it: each question of the contract's intake schema
 * (models/case/intake-schema.ts) with its answers in words, and the "because" lines of a
 * classification turned back into question and answer.
 */

/** A question with a fixed set of answers. */
export interface IntakeQuestion {
  key: Exclude<keyof Intake, 'note'>;
  question: string;
  hint?: string;
  kind: 'many' | 'one' | 'yesNo';
  options: readonly { value: string; label: string }[];
}

const option = <T extends string>(values: readonly T[], labels: Record<T, string>) => values.map((value) => ({ value, label: labels[value] }));
const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
] as const;

/**
 * The questions in the order they are asked.
 *
 * @example
 * INTAKE_QUESTIONS.map((question) => question.key)[0] // 'decisions'
 */
export const INTAKE_QUESTIONS: readonly IntakeQuestion[] = [
  {
    key: 'decisions',
    question: 'Which decisions does the system touch?',
    hint: 'Tick every one that applies; "None of these" if it only supports work without touching such decisions.',
    kind: 'many',
    options: option(INTAKE_DECISIONS, {
      internalOperations: 'Internal operations',
      customerService: 'Customer service',
      financial: 'Financial (payments, accounting, pricing)',
      employment: 'Employment (hiring, evaluation, work allocation)',
      creditOrInsurance: 'Credit or insurance',
      accessToServices: 'Access to essential services or benefits',
      safety: 'Safety of people or infrastructure',
      legal: 'Legal or judicial matters',
    }),
  },
  {
    key: 'affected',
    question: 'Who is affected by its outputs?',
    kind: 'many',
    options: option(INTAKE_AFFECTED, {
      employees: 'Employees',
      customers: 'Customers',
      public: 'The public',
      vulnerableGroups: 'Vulnerable groups (children, people in need)',
      businesses: 'Other businesses',
    }),
  },
  {
    key: 'personalData',
    question: 'Does it process personal data?',
    kind: 'one',
    options: option(INTAKE_PERSONAL_DATA, {
      none: 'No personal data',
      personal: 'Personal data',
      special: 'Special categories (health, biometrics, beliefs: GDPR Art. 9)',
    }),
  },
  {
    key: 'autonomy',
    question: 'Does a person decide, or does it act by itself?',
    kind: 'one',
    options: option(INTAKE_AUTONOMY, { recommends: 'It recommends, a person decides', acts: 'It acts by itself' }),
  },
  {
    key: 'euAiActArea',
    question: 'Is the use in an EU AI Act Annex III area?',
    hint: 'A use in one of these areas is high-risk under Art. 6(2).',
    kind: 'one',
    options: option(EU_AI_ACT_AREAS, {
      none: 'None of these',
      biometrics: 'Biometrics',
      criticalInfrastructure: 'Critical infrastructure',
      education: 'Education and vocational training',
      employment: 'Employment and worker management',
      essentialServices: 'Essential private and public services (incl. credit scoring)',
      lawEnforcement: 'Law enforcement',
      migration: 'Migration, asylum and border control',
      justice: 'Justice and democratic processes',
    }),
  },
  {
    key: 'prohibitedPractice',
    question: 'Does it involve a practice the EU AI Act prohibits (Art. 5(1))?',
    kind: 'one',
    options: option(EU_AI_ACT_PROHIBITED_PRACTICES, {
      none: 'None of these',
      manipulation: 'Subliminal or manipulative techniques',
      exploitingVulnerabilities: 'Exploiting vulnerabilities of age, disability or situation',
      socialScoring: 'Social scoring',
      crimePredictionByProfiling: 'Predicting crime from profiling alone',
      untargetedFacialScraping: 'Untargeted scraping of facial images',
      emotionRecognitionAtWorkOrSchool: 'Emotion recognition at work or in education',
      biometricCategorisationSensitive: 'Biometric categorisation by sensitive traits',
      realTimeRemoteBiometricIdentification: 'Real-time remote biometric identification in public',
    }),
  },
  {
    key: 'interactsWithPeople',
    question: 'Do people interact with it directly (a chatbot, a voice assistant)?',
    kind: 'yesNo',
    options: YES_NO,
  },
  {
    key: 'generatesContent',
    question: 'Does it generate text, images, audio or video that reaches people (e.g. drafted replies)?',
    kind: 'yesNo',
    options: YES_NO,
  },
];

/** The EU AI Act categories in words. */
export const EU_AI_ACT_CATEGORY_LABELS: Record<EuAiActCategory, string> = {
  prohibited: 'Prohibited (Art. 5)',
  highRisk: 'High-risk (Art. 6, Annex III)',
  transparency: 'Transparency obligations (Art. 50)',
  minimal: 'Minimal risk',
};

/** The questions not answered yet, by their text. */
export function unansweredQuestions(intake: Partial<Intake>): IntakeQuestion[] {
  return INTAKE_QUESTIONS.filter((question) => intake[question.key] === undefined);
}

/**
 * The intake when every question is answered, else null (the case format refuses a half-answered one).
 *
 * @example
 * completeIntake({ decisions: [] }) // null
 */
export function completeIntake(intake: Partial<Intake>): Intake | null {
  return unansweredQuestions(intake).length === 0 ? (intake as Intake) : null;
}

/**
 * A classifier's "question: answer" line in words; lines that are not question lines stay as they are.
 *
 * @example
 * explainBecause('generatesContent: yes') // 'Generates content that reaches people: Yes'
 */
export function explainBecause(line: string): string {
  const match = /^(\w+): (.+)$/.exec(line);
  if (match?.[1] === 'euAiActCategory') return `EU AI Act category: ${EU_AI_ACT_CATEGORY_LABELS[match[2] as EuAiActCategory] ?? match[2]}`;
  const question = match ? INTAKE_QUESTIONS.find((entry) => entry.key === match[1]) : undefined;
  if (!match || !question) return line;
  const answers = match[2].split(', ').map((value) => question.options.find((entry) => entry.value === value)?.label ?? value);
  return `${SHORT_QUESTION[question.key]}: ${answers.join(', ')}`;
}

const SHORT_QUESTION: Record<IntakeQuestion['key'], string> = {
  decisions: 'Decisions touched',
  affected: 'Affected',
  personalData: 'Personal data',
  autonomy: 'Autonomy',
  euAiActArea: 'Annex III area',
  prohibitedPractice: 'Prohibited practice',
  interactsWithPeople: 'People interact with it directly',
  generatesContent: 'Generates content that reaches people',
};
