import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type {
  CounselingLanguage,
  CounselingSpecialty,
  CounselorGender,
} from '../../core/api/counselor-profiles.js';
import { users } from './schema.js';

/** Migration 0023: what matching knows of a counselor besides their calendar. */
export const counselorProfiles = sqliteTable('counselor_profiles', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id),
  languages: text('languages', { mode: 'json' }).$type<CounselingLanguage[]>().notNull(),
  specialties: text('specialties', { mode: 'json' }).$type<CounselingSpecialty[]>().notNull(),
  gender: text('gender', { enum: ['female', 'male'] }).$type<CounselorGender>(),
  updatedAt: integer('updated_at').notNull(),
  updatedBy: text('updated_by')
    .notNull()
    .references(() => users.id),
});
export type CounselorProfileRow = typeof counselorProfiles.$inferSelect;
