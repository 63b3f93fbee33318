/** Amounts travel in the currency's minor unit (fen, cents); people read them in the major one. */
export function formatMoney(locale: string, amountMinor: number, currency: string): string {
  const code = currency.toUpperCase();
  const digits =
    new Intl.NumberFormat(locale, { style: 'currency', currency: code }).resolvedOptions()
      .maximumFractionDigits ?? 2;
  return new Intl.NumberFormat(locale, { style: 'currency', currency: code }).format(
    amountMinor / 10 ** digits,
  );
}

export function toMinorUnits(text: string, currency: string): number | null {
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() }).resolvedOptions()
      .maximumFractionDigits ?? 2;
  if (!/^\d+([.,]\d+)?$/.test(text.trim())) return null;
  const value = Math.round(Number(text.trim().replace(',', '.')) * 10 ** digits);
  return Number.isSafeInteger(value) && value > 0 ? value : null;
}
