// The clerk's convenience only: the server checks the same rules again (POST /api/applications answers 400
// with rule GB11643 or GB32100), and its answer is the one that counts.

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * GB 11643-1999 resident id: 17 digits and a check character (ISO 7064 MOD 11-2, X = 10) with a real birth date.
 * Returns null when valid, else a Chinese reason; '' while the number is still being typed.
 */
export function residentIdProblem(value) {
  if (!value) return '';
  if (!/^\d{0,17}[0-9X]?$/.test(value)) return '身份证号只含数字，末位可为 X';
  if (value.length < 18) return '';
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (year < 1800 || birth.getUTCMonth() !== month - 1 || birth.getUTCDate() !== day || birth > new Date()) {
    return '身份证号中的出生日期无效';
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(value[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11] === value[17] ? null : '身份证号校验位不正确（GB 11643），请核对';
}

/** GB 32100-2015 unified social credit code: 18 characters of a 31-symbol set, the last a check character. */
export function creditCodeProblem(value) {
  if (!value) return '';
  if ([...value].some((c) => !USCC_CHARSET.includes(c))) {
    return '统一社会信用代码只含数字和大写字母（不含 I、O、S、V、Z）';
  }
  if (value.length < 18) return '';
  if (value.length > 18) return '统一社会信用代码为 18 位';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(value[i]) * USCC_WEIGHTS[i];
  const check = 31 - (sum % 31);
  return USCC_CHARSET[check === 31 ? 0 : check] === value[17] ? null : '统一社会信用代码校验位不正确（GB 32100），请核对';
}

/** As the server masks: the first and last four characters stay. */
export function mask(value) {
  if (!value) return '';
  if (value.length <= 8) return '*'.repeat(value.length);
  return value.slice(0, 4) + '*'.repeat(value.length - 8) + value.slice(-4);
}
