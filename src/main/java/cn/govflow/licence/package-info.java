/**
 * E-licences (电子证照): issued for approved cases with a national-format identifier, signed with SM2 and SM3 (GB/T 32918, GB/T 32905) and
 * verifiable by anyone (R8, R20); revoked when a 告知承诺 proves false (R29).
 */
package cn.govflow.licence;
