import { describe, expect, it } from 'vitest';
import { type CounselorFacts, type MatchingFacts, rankCounselors } from '../../../core/workflows/matching.js';

const HOUR = 3_600_000;
const requested = 100 * HOUR;

const counselor = (name: string, facts: Partial<CounselorFacts>): CounselorFacts => ({
  id: crypto.randomUUID(),
  displayName: name,
  freeStarts: [],
  freeCount: 0,
  openCases: 0,
  upcomingAppointments: 0,
  serviceCases: 0,
  languages: [],
  specialties: [],
  gender: null,
  ...facts,
});

const request = (counselors: CounselorFacts[], slotStart: number | null = requested): MatchingFacts => ({
  serviceId: null,
  serviceName: null,
  durationMinutes: 50,
  slotStart,
  windowEnd: 400 * HOUR,
  counselors,
});

describe('counselor matching', () => {
  it('puts the counselor free at the requested time first and offers them that time', () => {
    const busy = counselor('Busy', { freeStarts: [requested + HOUR], freeCount: 30 });
    const free = counselor('Free', { freeStarts: [requested - HOUR, requested], freeCount: 2, openCases: 3 });
    const [first, second] = rankCounselors(request([busy, free]));
    expect(first?.counselor.displayName).toBe('Free');
    expect(first?.offer).toBe(requested);
    expect(first?.reasons).toContainEqual({ code: 'free_at_requested' });
    expect(second?.offer).toBe(requested + HOUR);
    expect(second?.reasons).toContainEqual({ code: 'busy_at_requested' });
  });

  it('prefers the lighter load and experience with the service when availability is equal', () => {
    const loaded = counselor('Loaded', { freeStarts: [requested], freeCount: 5, openCases: 12 });
    const light = counselor('Light', { freeStarts: [requested], freeCount: 5, openCases: 1 });
    const expert = counselor('Expert', {
      freeStarts: [requested],
      freeCount: 5,
      openCases: 1,
      serviceCases: 4,
    });
    const names = rankCounselors(request([loaded, light, expert])).map((one) => one.counselor.displayName);
    expect(names).toEqual(['Expert', 'Light', 'Loaded']);
    const expertRank = rankCounselors(request([expert]))[0];
    expect(expertRank?.reasons).toEqual([
      { code: 'free_at_requested' },
      { code: 'free_times', count: 5 },
      { code: 'open_cases', count: 1 },
      { code: 'service_experience', count: 4 },
    ]);
  });

  it('never ranks someone with no free time above someone with some, and says so', () => {
    const none = counselor('A none', { serviceCases: 50 });
    const some = counselor('Some', { freeStarts: [requested + HOUR], freeCount: 1, openCases: 20 });
    const ranked = rankCounselors(request([none, some], null));
    expect(ranked.map((one) => one.counselor.displayName)).toEqual(['Some', 'A none']);
    expect(ranked[1]?.offer).toBeNull();
    expect(ranked[1]?.reasons).toContainEqual({ code: 'no_free_time' });
  });

  it('puts the counselor who speaks the client’s language above a freer one who does not, and says why', () => {
    // Freer: 50 (requested) + min(40 × 0.5, 20) = 70, no English.
    const freer = counselor('Freer', { freeStarts: [requested], freeCount: 40, languages: ['zh'] });
    // English: 50 (requested) + 40 (language) + 2 × 0.5 = 91, minus 2 × 2 open cases = 87.
    const english = counselor('English', {
      freeStarts: [requested],
      freeCount: 2,
      openCases: 2,
      languages: ['zh', 'en'],
    });
    const ranked = rankCounselors(request([freer, english]), { language: 'en', topics: [] });
    expect(ranked.map((one) => [one.counselor.displayName, one.score])).toEqual([
      ['English', 87],
      ['Freer', 70],
    ]);
    expect(ranked[0]?.reasons).toEqual([
      { code: 'speaks_language', language: 'en' },
      { code: 'free_at_requested' },
      { code: 'free_times', count: 2 },
      { code: 'open_cases', count: 2 },
    ]);
    expect(ranked[1]?.reasons[0]).toEqual({ code: 'lacks_language', language: 'en' });
  });

  it('counts each topic asked for that is a specialty, and the counselor’s gender asked for', () => {
    const wanted = {
      topics: ['anxiety' as const, 'sleep' as const, 'grief' as const],
      counselorGender: 'female' as const,
    };
    // Two topics (2 × 10) and the gender (15): 35, plus 5 × 0.5 free times = 37.5.
    const both = counselor('Both', {
      freeStarts: [requested + HOUR],
      freeCount: 5,
      specialties: ['sleep', 'anxiety', 'trauma'],
      gender: 'female',
    });
    // One topic (10), the other gender (0): 10 + 2.5 = 12.5.
    const one = counselor('One', {
      freeStarts: [requested + HOUR],
      freeCount: 5,
      specialties: ['grief'],
      gender: 'male',
    });
    // No topic, gender not given: 0 + 2.5 = 2.5.
    const none = counselor('None', { freeStarts: [requested + HOUR], freeCount: 5 });
    const ranked = rankCounselors(request([none, one, both], null), { ...wanted });
    expect(ranked.map((entry) => [entry.counselor.displayName, entry.score])).toEqual([
      ['Both', 37.5],
      ['One', 12.5],
      ['None', 2.5],
    ]);
    expect(ranked[0]?.reasons.slice(0, 2)).toEqual([
      { code: 'specialties_match', topics: ['anxiety', 'sleep'] },
      { code: 'gender_match', gender: 'female' },
    ]);
    expect(ranked[1]?.reasons.slice(0, 2)).toEqual([
      { code: 'specialties_match', topics: ['grief'] },
      { code: 'gender_mismatch', gender: 'female' },
    ]);
    expect(ranked[2]?.reasons.slice(0, 2)).toEqual([
      { code: 'no_specialty_match' },
      { code: 'gender_unknown' },
    ]);
  });

  it('ranks by the facts alone when the request states no preference', () => {
    const speaker = counselor('Speaker', { freeStarts: [requested], freeCount: 1, languages: ['en'] });
    const [ranked] = rankCounselors(request([speaker]), { topics: [] });
    expect(ranked?.score).toBe(50.5);
    expect(ranked?.reasons.map((reason) => reason.code)).toEqual([
      'free_at_requested',
      'free_times',
      'open_cases',
    ]);
  });
});
