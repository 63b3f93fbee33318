/**
 * Counselor profiles (issue 6): languages, specialties and gender from fixed lists, operational
 * data the matching step ranks by. Nothing here is encrypted.
 */
import {
  type CounselorProfile,
  type CounselorProfileView,
  counselorProfileListSchema,
  counselorProfileViewSchema,
} from '../../../core/api/counselor-profiles';
import { createApiClient } from './api-client';
import { run } from './app-errors';

const api = createApiClient();

export type { CounselorProfile, CounselorProfileView };

export const listCounselorProfiles = () =>
  run(async () => (await api.get('/api/counselor-profiles', counselorProfileListSchema)).profiles);

export const fetchCounselorProfile = (userId: string) =>
  run(() => api.get(`/api/counselor-profiles/${encodeURIComponent(userId)}`, counselorProfileViewSchema));

export const saveCounselorProfile = (userId: string, profile: CounselorProfile) =>
  run(() =>
    api.send(
      'PUT',
      `/api/counselor-profiles/${encodeURIComponent(userId)}`,
      profile,
      counselorProfileViewSchema,
    ),
  );
