/** The roles of DESIGN §1; a person may hold several. */
export const ROLES = ['admin', 'director', 'supervisor', 'counselor', 'frontdesk', 'finance'] as const;
export type Role = (typeof ROLES)[number];
