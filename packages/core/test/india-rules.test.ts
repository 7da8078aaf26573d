// India's rules for INR stores (issue 13): states by their GST codes, GSTIN checksums, mobiles,
// the April–March financial year in the store's time zone, and invoice totals in words.
import t from 'tap';
import {
  amountInWords,
  financialYearOf,
  gstinCheckChar,
  gstinState,
  indianStates,
  isValidGstin,
  matchIndianState,
  normalizeIndianMobile,
  stateByCode,
  stateByName,
} from '../src/india/index.js';

t.test('the 36 states and UTs, by the GST state-code list', async (t) => {
  t.equal(indianStates.length, 36);
  t.equal(new Set(indianStates.map((s) => s.code)).size, 36, 'codes are unique');
  t.equal(new Set(indianStates.map((s) => s.name)).size, 36, 'names are unique');
  t.ok(indianStates.every((s) => /^\d{2}$/.test(s.code)));
  const names = indianStates.map((s) => s.name);
  for (const name of ['Delhi', 'Andaman and Nicobar Islands', 'Dadra and Nagar Haveli and Daman and Diu', 'Ladakh', 'Jammu and Kashmir', 'Puducherry', 'Telangana']) {
    t.ok(names.includes(name), name);
  }
  t.same(stateByCode('01'), { code: '01', name: 'Jammu and Kashmir' });
  t.same(stateByCode('07'), { code: '07', name: 'Delhi' });
  t.same(stateByCode('26'), { code: '26', name: 'Dadra and Nagar Haveli and Daman and Diu' });
  t.same(stateByCode('36'), { code: '36', name: 'Telangana' });
  t.same(stateByCode('37'), { code: '37', name: 'Andhra Pradesh' });
  t.same(stateByCode('38'), { code: '38', name: 'Ladakh' });
  for (const code of ['25', '28', '97', '99', '00', '39', '7', '']) t.equal(stateByCode(code), null, `no state ${code}`);
  t.same(stateByName('tamil nadu'), { code: '33', name: 'Tamil Nadu' });
  t.equal(stateByName('Atlantis'), null);
});

t.test('matchIndianState: case, spaces and & do not matter', async (t) => {
  t.equal(matchIndianState('Delhi'), 'Delhi');
  t.equal(matchIndianState('DELHI'), 'Delhi');
  t.equal(matchIndianState('  jammu   &  kashmir '), 'Jammu and Kashmir');
  t.equal(matchIndianState('Jammu&Kashmir'), 'Jammu and Kashmir');
  t.equal(matchIndianState('dadra & nagar haveli & daman & diu'), 'Dadra and Nagar Haveli and Daman and Diu');
  t.equal(matchIndianState('Andaman & Nicobar Islands'), 'Andaman and Nicobar Islands');
  t.equal(matchIndianState('andaman and nicobar'), 'Andaman and Nicobar Islands', 'the usual short name');
  t.equal(matchIndianState('Orissa'), 'Odisha', 'the old name');
  t.equal(matchIndianState('Pondicherry'), 'Puducherry');
  for (const state of indianStates) t.equal(matchIndianState(state.name.toLowerCase()), state.name);
  for (const text of ['', 'Atlantis', 'Daman and Diu', 'Other Territory', 'Jammu', 'Delhi NCR']) t.equal(matchIndianState(text), null, `not a state: '${text}'`);
});

t.test('GSTIN: published examples, checked by hand against the mod-36 checksum', async (t) => {
  // 27AAPFU0939F1ZV: values 2,7,10,10,25,15,30,0,9,3,9,15,1,35 × 1,2,1,2…; base-36 digit sums
  // 2+14+10+20+25+30+30+0+9+6+9+30+1+(1+34) = 221; 221 mod 36 = 5; 36-5 = 31 = 'V'.
  t.ok(isValidGstin('27AAPFU0939F1ZV'));
  // 29AAGCB7383J1Z4: 2+18+10+20+16+24+11+14+3+16+3+(1+2)+1+(1+34) = 176; 176 mod 36 = 32; 36-32 = 4.
  t.ok(isValidGstin('29AAGCB7383J1Z4'));
  t.equal(gstinCheckChar('27AAPFU0939F1Z'), 'V');
  t.equal(gstinCheckChar('29AAGCB7383J1Z'), '4');
  t.same(gstinState('27AAPFU0939F1ZV'), { code: '27', name: 'Maharashtra' });
  t.same(gstinState('29AAGCB7383J1Z4'), { code: '29', name: 'Karnataka' });
  t.ok(isValidGstin(' 27aapfu0939f1zv '), 'upper-cased and trimmed');
  t.same(gstinState('27aapfu0939f1zv'), { code: '27', name: 'Maharashtra' });
});

t.test('GSTIN: every state, constructed with the check character', async (t) => {
  for (const state of indianStates) {
    const body = `${state.code}ABCDE1234F1Z`;
    const gstin = body + gstinCheckChar(body);
    t.ok(isValidGstin(gstin), gstin);
    t.same(gstinState(gstin), state);
  }
});

t.test('GSTIN: every wrong check character and every single substitution is refused', async (t) => {
  const valid = '27AAPFU0939F1ZV';
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let refused = 0;
  for (let i = 0; i < 15; i++) {
    // Only substitutions that keep the shape, so the checksum is what refuses them.
    const choices = i < 2 || (i >= 7 && i <= 10) ? '0123456789' : i === 12 ? '123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ' : i === 13 ? '' : i === 14 ? alphabet : 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    for (const c of choices) {
      if (c === valid[i]) continue;
      const changed = valid.slice(0, i) + c + valid.slice(i + 1);
      if (isValidGstin(changed)) t.fail(`accepted ${changed}`);
      else refused += 1;
    }
  }
  t.equal(refused, 18 + 5 * 25 + 4 * 9 + 25 + 34 + 35, 'every variant');
});

t.test('GSTIN: wrong shapes and state codes', async (t) => {
  const withCheck = (body: string) => body + gstinCheckChar(body);
  t.notOk(isValidGstin(''));
  t.notOk(isValidGstin('27AAPFU0939F1Z'), '14 characters');
  t.notOk(isValidGstin('27AAPFU0939F1ZVV'), '16 characters');
  t.notOk(isValidGstin(withCheck('27AAPFU0939F1Y')), 'the 14th character must be Z');
  t.notOk(isValidGstin(withCheck('27AAPFU0939F0Z')), 'registration number 0');
  t.notOk(isValidGstin(withCheck('27AAPF10939F1Z')), 'PAN with a digit among its letters');
  t.notOk(isValidGstin(withCheck('25AAPFU0939F1Z')), 'Daman and Diu (25) merged into 26');
  t.notOk(isValidGstin(withCheck('28AAPFU0939F1Z')), 'old Andhra Pradesh (28)');
  t.notOk(isValidGstin(withCheck('99AAPFU0939F1Z')), 'Centre Jurisdiction is no state');
  t.notOk(isValidGstin('27-AAPFU0939F1ZV'));
  t.equal(gstinState('27AAPFU0939F1ZA'), null, 'no state for an invalid GSTIN');
  t.ok(isValidGstin(withCheck('27AAPFU0939FAZ')), 'a letter as registration number (the tenth one and up)');
});

t.test('normalizeIndianMobile', async (t) => {
  for (const text of ['9876543210', '+919876543210', '+91 98765 43210', '+91-98765-43210', '91 9876543210', '098765 43210', ' 98765-43210 ']) {
    t.equal(normalizeIndianMobile(text), '+919876543210', text);
  }
  t.equal(normalizeIndianMobile('6000000000'), '+916000000000', 'starting 6');
  t.equal(normalizeIndianMobile('9198765432'), '+919198765432', 'ten digits that begin with 91 are a number, not a prefix');
  for (const text of ['5876543210', '987654321', '98765432101', '+9198765432100', '+1 9876543210', '+92 9876543210', '0091 9876543210', 'abc', '', '98765 4321O', '+91 (98765) 43210']) {
    t.equal(normalizeIndianMobile(text), null, `refused: '${text}'`);
  }
});

t.test('financialYearOf: April to March in the store\'s time zone', async (t) => {
  t.equal(financialYearOf('2026-03-31T18:29:59.999Z', 'Asia/Kolkata'), '2025-26', '23:59:59.999 IST on 31 March');
  t.equal(financialYearOf('2026-03-31T18:30:00.000Z', 'Asia/Kolkata'), '2026-27', 'midnight IST on 1 April');
  t.equal(financialYearOf('2026-03-31T18:30:00.000Z', 'UTC'), '2025-26', 'still 31 March in UTC');
  t.equal(financialYearOf('2026-04-01T00:00:00.000Z', 'UTC'), '2026-27');
  t.equal(financialYearOf('2026-11-29T12:00:00.000Z', 'Asia/Kolkata'), '2026-27');
  t.equal(financialYearOf('2027-03-31T18:29:59.000Z', 'Asia/Kolkata'), '2026-27');
  t.equal(financialYearOf('2027-01-01T00:00:00.000Z', 'America/Los_Angeles'), '2026-27', 'new year\'s eve in California is still December');
  t.equal(financialYearOf('2099-12-31T00:00:00.000Z', 'Asia/Kolkata'), '2099-00', 'the century rolls over');
  t.equal(financialYearOf('2009-06-01T00:00:00.000Z', 'Asia/Kolkata'), '2009-10');
  t.throws(() => financialYearOf('not a date', 'Asia/Kolkata'), RangeError);
  t.throws(() => financialYearOf('2026-04-01T00:00:00.000Z', 'Mars/Olympus'), RangeError);
});

t.test('amountInWords: Indian numbering for rupees', async (t) => {
  t.equal(amountInWords(125050, 'INR'), 'Rupees One Thousand Two Hundred Fifty and Fifty Paise Only');
  t.equal(amountInWords(100, 'INR'), 'Rupees One Only', 'zero paise are left out');
  t.equal(amountInWords(0, 'INR'), 'Rupees Zero Only');
  t.equal(amountInWords(5, 'INR'), 'Rupees Zero and Five Paise Only');
  t.equal(amountInWords(1100, 'INR'), 'Rupees Eleven Only');
  t.equal(amountInWords(2100, 'INR'), 'Rupees Twenty One Only');
  t.equal(amountInWords(10000000, 'INR'), 'Rupees One Lakh Only');
  t.equal(amountInWords(1000100, 'INR'), 'Rupees Ten Thousand One Only');
  t.equal(amountInWords(1000000000, 'INR'), 'Rupees One Crore Only');
  t.equal(amountInWords(1234567899, 'INR'), 'Rupees One Crore Twenty Three Lakh Forty Five Thousand Six Hundred Seventy Eight and Ninety Nine Paise Only');
  t.equal(amountInWords(100000000000000, 'inr'), 'Rupees One Lakh Crore Only', 'crores past 99 are counted in lakhs and thousands too');
  t.equal(
    amountInWords(9007199254740991, 'INR'),
    'Rupees Ninety Lakh Seven Thousand One Hundred Ninety Nine Crore Twenty Five Lakh Forty Seven Thousand Four Hundred Nine and Ninety One Paise Only',
    'exact at MAX_SAFE_INTEGER',
  );
  t.equal(amountInWords(10000000000000, 'INR'), 'Rupees Ten Thousand Crore Only');
  t.equal(amountInWords(-50, 'INR'), 'Minus Rupees Zero and Fifty Paise Only');
});

t.test('amountInWords: other currencies in international numbering', async (t) => {
  t.equal(amountInWords(12345, 'USD'), 'USD One Hundred Twenty Three and 45/100 Only');
  t.equal(amountInWords(100, 'USD'), 'USD One Only');
  t.equal(amountInWords(1000000, 'JPY'), 'JPY One Million Only');
  t.equal(amountInWords(1234, 'KWD'), 'KWD One and 234/1000 Only');
  t.equal(amountInWords(105, 'USD'), 'USD One and 05/100 Only');
  t.equal(amountInWords(0, 'EUR'), 'EUR Zero Only');
});
