import type { BookingPreferences } from '../api/bookings.js';
import {
  type CounselingLanguage,
  type CounselingSpecialty,
  type CounselorGender,
  counselingLanguageSchema,
  counselingSpecialtySchema,
  counselorGenderSchema,
} from '../api/counselor-profiles.js';
import { z } from '../api/zod.js';

/**
 * Counselor matching for a new client (预约→初筛→匹配): the server hands the front desk's browser
 * operational facts about each counselor; the browser ranks them and says why. Nothing in it is
 * clinical: service types, free times, counts of cases and appointments, the counselor's
 * languages, specialties and gender. The client's preferences come from the sealed request,
 * which only the front desk's browser opens, so they are ranked by there and never sent back.
 */

export const counselorFactsSchema = z.object({
  id: z.uuid(),
  displayName: z.string(),
  /** Free starts for the requested service in the coming weeks, earliest first (at most 20). */
  freeStarts: z.array(z.int()),
  /** How many free starts there are in the window in all. */
  freeCount: z.int(),
  /** Cases still open (intake, active, closing) where they are the primary counselor. */
  openCases: z.int(),
  /** Their booked appointments in the window. */
  upcomingAppointments: z.int(),
  /** Their cases, open or not, of the service type the client asked for. */
  serviceCases: z.int(),
  /** From their profile (empty, or null, when nobody filled it in). */
  languages: z.array(counselingLanguageSchema).default([]),
  specialties: z.array(counselingSpecialtySchema).default([]),
  gender: counselorGenderSchema.nullable().default(null),
});
export type CounselorFacts = z.infer<typeof counselorFactsSchema>;

export const matchingFactsSchema = z.object({
  serviceId: z.string().nullable(),
  serviceName: z.string().nullable(),
  durationMinutes: z.int(),
  slotStart: z.int().nullable(),
  windowEnd: z.int(),
  counselors: z.array(counselorFactsSchema),
});
export type MatchingFacts = z.infer<typeof matchingFactsSchema>;

export type RankReason =
  | { code: 'free_at_requested' }
  | { code: 'busy_at_requested' }
  | { code: 'no_free_time' }
  | { code: 'free_times'; count: number }
  | { code: 'open_cases'; count: number }
  | { code: 'service_experience'; count: number }
  | { code: 'speaks_language'; language: CounselingLanguage }
  | { code: 'lacks_language'; language: CounselingLanguage }
  | { code: 'specialties_match'; topics: CounselingSpecialty[] }
  | { code: 'no_specialty_match' }
  | { code: 'gender_match'; gender: CounselorGender }
  | { code: 'gender_mismatch'; gender: CounselorGender }
  | { code: 'gender_unknown' };

/** Reasons that speak against a counselor (the list shows them apart). */
export const AGAINST: ReadonlySet<RankReason['code']> = new Set([
  'busy_at_requested',
  'no_free_time',
  'lacks_language',
  'no_specialty_match',
  'gender_mismatch',
]);

export interface RankedCounselor {
  counselor: CounselorFacts;
  score: number;
  /** The slot to offer: the requested one when they are free then, else their earliest. */
  offer: number | null;
  reasons: RankReason[];
}

/**
 * Weights an admin could read off the reasons: the requested time and the client's language
 * first (a session nobody can hold in the client's language helps nobody), then the topics and
 * the counselor's gender asked for, then availability, load and experience.
 */
export const WEIGHT = {
  requested: 50,
  language: 40,
  perTopic: 10,
  gender: 15,
  perFreeStart: 0.5,
  maxFree: 20,
  perOpenCase: 2,
  perServiceCase: 1,
  maxService: 10,
};

/** What the client asked for, as reasons with their weight. */
function preferenceReasons(counselor: CounselorFacts, wanted: BookingPreferences | undefined) {
  const reasons: RankReason[] = [];
  let score = 0;
  if (wanted?.language) {
    const speaks = counselor.languages.includes(wanted.language);
    reasons.push({ code: speaks ? 'speaks_language' : 'lacks_language', language: wanted.language });
    if (speaks) score += WEIGHT.language;
  }
  const asked = [...new Set(wanted?.topics ?? [])];
  if (asked.length > 0) {
    const topics = asked.filter((topic) => counselor.specialties.includes(topic));
    reasons.push(topics.length > 0 ? { code: 'specialties_match', topics } : { code: 'no_specialty_match' });
    score += topics.length * WEIGHT.perTopic;
  }
  if (wanted?.counselorGender) {
    const gender = wanted.counselorGender;
    if (counselor.gender === null) reasons.push({ code: 'gender_unknown' });
    else if (counselor.gender === gender) {
      reasons.push({ code: 'gender_match', gender });
      score += WEIGHT.gender;
    } else reasons.push({ code: 'gender_mismatch', gender });
  }
  return { reasons, score };
}

export function rankCounselors(facts: MatchingFacts, wanted?: BookingPreferences): RankedCounselor[] {
  const ranked = facts.counselors.map((counselor): RankedCounselor => {
    const preferred = preferenceReasons(counselor, wanted);
    const reasons: RankReason[] = [...preferred.reasons];
    let score = preferred.score;
    const freeThen = facts.slotStart !== null && counselor.freeStarts.includes(facts.slotStart);
    if (facts.slotStart !== null) {
      reasons.push({ code: freeThen ? 'free_at_requested' : 'busy_at_requested' });
      if (freeThen) score += WEIGHT.requested;
    }
    if (counselor.freeCount === 0) {
      reasons.push({ code: 'no_free_time' });
    } else {
      reasons.push({ code: 'free_times', count: counselor.freeCount });
      score += Math.min(counselor.freeCount * WEIGHT.perFreeStart, WEIGHT.maxFree);
    }
    reasons.push({ code: 'open_cases', count: counselor.openCases });
    score -= counselor.openCases * WEIGHT.perOpenCase;
    if (counselor.serviceCases > 0) {
      reasons.push({ code: 'service_experience', count: counselor.serviceCases });
      score += Math.min(counselor.serviceCases * WEIGHT.perServiceCase, WEIGHT.maxService);
    }
    const offer = freeThen ? facts.slotStart : (counselor.freeStarts[0] ?? null);
    return { counselor, score, offer, reasons };
  });
  // Nobody free is never ranked above someone who is; ties go to the lighter load, then the name.
  return ranked.sort(
    (a, b) =>
      Number(b.offer !== null) - Number(a.offer !== null) ||
      b.score - a.score ||
      a.counselor.openCases - b.counselor.openCases ||
      a.counselor.displayName.localeCompare(b.counselor.displayName),
  );
}
