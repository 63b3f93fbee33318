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
});
