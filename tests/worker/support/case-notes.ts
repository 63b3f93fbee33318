/** Small helpers the case tests share: a valid session note, and the code a failure carries. */

export function sessionNote(n: number, text: string) {
  return {
    session_date: `2026-11-${String(10 + n).padStart(2, '0')}`,
    session_number: n,
    duration_minutes: 50,
    modality: 'in_person',
    presenting_issues: text,
    risk_level: 'none',
  };
}

/** The `code` of the CryptoError or ApiError a promise rejects with, or undefined if it resolves. */
export async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}
