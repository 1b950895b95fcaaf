/** `45.80 GBP`: two decimals and the currency code. */
export const money = (value: number | string, currency: string): string => `${Number(value).toFixed(2)} ${currency.trim()}`;
