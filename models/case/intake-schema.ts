// The intake questionnaire of a case's governance section (issue 18) and the EU AI Act categories.
import { z } from 'zod';

/** What decisions the system touches (intake question 1). */
export const INTAKE_DECISIONS = [
  'internalOperations',
  'customerService',
  'financial',
  'employment',
  'creditOrInsurance',
  'accessToServices',
  'safety',
  'legal',
] as const;
/** Who is affected by its outputs (intake question 2). */
export const INTAKE_AFFECTED = ['employees', 'customers', 'public', 'vulnerableGroups', 'businesses'] as const;
/** Personal data it processes (intake question 3): none, personal data, or special categories (GDPR Art. 9, biometrics). */
export const INTAKE_PERSONAL_DATA = ['none', 'personal', 'special'] as const;
/** Autonomy (intake question 4): a person decides on its recommendation, or it acts by itself. */
export const INTAKE_AUTONOMY = ['recommends', 'acts'] as const;
/** EU AI Act Annex III areas (Art. 6(2)); 'none' when the use is in none of them. */
export const EU_AI_ACT_AREAS = [
  'none',
  'biometrics',
  'criticalInfrastructure',
  'education',
  'employment',
  'essentialServices',
  'lawEnforcement',
  'migration',
  'justice',
] as const;
/** EU AI Act Art. 5(1) prohibited practices; 'none' when the use involves none. */
export const EU_AI_ACT_PROHIBITED_PRACTICES = [
  'none',
  'manipulation',
  'exploitingVulnerabilities',
  'socialScoring',
  'crimePredictionByProfiling',
  'untargetedFacialScraping',
  'emotionRecognitionAtWorkOrSchool',
  'biometricCategorisationSensitive',
  'realTimeRemoteBiometricIdentification',
] as const;
/**
 * The EU AI Act categories, most to least restrictive.
 *
 * @example
 * EU_AI_ACT_CATEGORIES[0] // 'prohibited'
 */
export const EU_AI_ACT_CATEGORIES = ['prohibited', 'highRisk', 'transparency', 'minimal'] as const;
export type EuAiActCategory = (typeof EU_AI_ACT_CATEGORIES)[number];

/**
 * The intake questionnaire's answers. Every answer is required once the intake is given,
 * so the classification never rests on a silent default.
 *
 * @example
 * intakeSchema.parse({ decisions: ['customerService'], affected: ['customers'], personalData: 'personal', autonomy: 'recommends',
 *   euAiActArea: 'none', prohibitedPractice: 'none', interactsWithPeople: false, generatesContent: true });
 */
export const intakeSchema = z.strictObject({
  decisions: z.array(z.enum(INTAKE_DECISIONS)).max(INTAKE_DECISIONS.length),
  affected: z.array(z.enum(INTAKE_AFFECTED)).max(INTAKE_AFFECTED.length),
  personalData: z.enum(INTAKE_PERSONAL_DATA),
  autonomy: z.enum(INTAKE_AUTONOMY),
  euAiActArea: z.enum(EU_AI_ACT_AREAS),
  prohibitedPractice: z.enum(EU_AI_ACT_PROHIBITED_PRACTICES),
  /** People interact with the system directly (a chatbot, a voice assistant). */
  interactsWithPeople: z.boolean(),
  /** It generates text, images, audio or video that reaches people (e.g. drafted replies). */
  generatesContent: z.boolean(),
  note: z.string().max(5000, 'must be at most 5,000 characters').optional(),
});
export type Intake = z.infer<typeof intakeSchema>;
