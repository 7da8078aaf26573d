// Money for the pages: formatting, parsing what a person typed and form-field values all come
// from the one pricing module (each currency's own exponent: INR 2, JPY 0, KWD 3). They are
// re-exported here because this package has always offered formatMoney and parseMoney to its hosts.
export { currencyExponent, formatMoney, parseMoney, moneyInputValue } from '@dukaan-kit/core/pricing';
