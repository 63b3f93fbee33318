import { idSchema } from './encoding.js';
import { z } from './zod.js';

/**
 * What the matching step knows of a counselor besides their calendar (issue 6): the languages
 * they counsel in, their specialties and their gender, if given. Operational — the server may
 * compute on them — so every value is chosen from these lists, never typed.
 */

/** Languages by code: Mandarin, Cantonese, English, Japanese, Korean, French, German, Spanish, Russian, Chinese Sign Language. */
export const COUNSELING_LANGUAGES = ['zh', 'yue', 'en', 'ja', 'ko', 'fr', 'de', 'es', 'ru', 'csl'] as const;
export const counselingLanguageSchema = z.enum(COUNSELING_LANGUAGES);
export type CounselingLanguage = z.infer<typeof counselingLanguageSchema>;

export const COUNSELING_SPECIALTIES = [
  'anxiety',
  'depression',
  'trauma',
  'relationships',
  'family',
  'children',
  'adolescents',
  'grief',
  'addiction',
  'sleep',
  'work_stress',
  'self_harm',
  'eating',
  'gender_sexuality',
] as const;
export const counselingSpecialtySchema = z.enum(COUNSELING_SPECIALTIES);
export type CounselingSpecialty = z.infer<typeof counselingSpecialtySchema>;

export const COUNSELOR_GENDERS = ['female', 'male'] as const;
export const counselorGenderSchema = z.enum(COUNSELOR_GENDERS);
export type CounselorGender = z.infer<typeof counselorGenderSchema>;

const distinct = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((list) => new Set(list).size === list.length, { error: 'each value at most once' });

export const counselorProfileSchema = z.object({
  languages: distinct(counselingLanguageSchema, COUNSELING_LANGUAGES.length),
  specialties: distinct(counselingSpecialtySchema, COUNSELING_SPECIALTIES.length),
  gender: counselorGenderSchema.nullable(),
});
export type CounselorProfile = z.infer<typeof counselorProfileSchema>;

export const EMPTY_PROFILE: CounselorProfile = { languages: [], specialties: [], gender: null };

export const counselorProfileViewSchema = counselorProfileSchema.extend({
  userId: idSchema,
  /** null while nobody has written the profile yet */
  updatedAt: z.int().nullable(),
});
export type CounselorProfileView = z.infer<typeof counselorProfileViewSchema>;

export const counselorProfileListSchema = z.object({ profiles: z.array(counselorProfileViewSchema) });
export const counselorProfileParamSchema = z.object({ userId: idSchema });
