import * as asn1js from 'asn1js';
import type { DerNode } from './der-node.js';
import { PkiError } from './pki-error.js';

/**
 * What a script asks for: a notBefore (default: the signing time) and either
 * a notAfter or a number of days.
 */
export interface ValidityRequest {
  notBefore?: Date;
  notAfter?: Date;
  /** Days of validity, counted as RFC 5280 does: notAfter is the last second included. */
  days?: number;
}

/** A certificate's validity, to the second. */
export interface Validity {
  notBefore: Date;
  notAfter: Date;
}

const SECOND = 1000;
export const DAY = 86_400 * SECOND;

/**
 * Turns a request into exact times, truncated to whole seconds (X.509 times
 * carry no fractions, RFC 5280 §4.1.2.5.1–2). With `days`, the period from
 * notBefore through notAfter inclusive is exactly that many days (§4.1.2.5).
 * @throws PkiError PKI_VALIDITY_INVALID when the request is incomplete or not a date.
 */
export function resolveValidity(request: ValidityRequest, signingTime: Date): Validity {
  const notBefore = wholeSeconds(request.notBefore ?? signingTime, 'notBefore');
  if ((request.notAfter === undefined) === (request.days === undefined)) {
    throw new PkiError('PKI_VALIDITY_INVALID', 'Give the validity as exactly one of notAfter or days.');
  }
  if (request.days !== undefined) {
    if (!Number.isInteger(request.days) || request.days <= 0) {
      throw new PkiError('PKI_VALIDITY_INVALID', `The validity of ${request.days} days is not a positive whole number of days.`);
    }
    return { notBefore, notAfter: new Date(notBefore.getTime() + request.days * DAY - SECOND) };
  }
  return { notBefore, notAfter: wholeSeconds(request.notAfter!, 'notAfter') };
}

/** The length of a validity period in seconds, both ends included (RFC 5280 §4.1.2.5). */
export function validitySeconds(validity: Validity): number {
  return (validity.notAfter.getTime() - validity.notBefore.getTime()) / SECOND + 1;
}

/** RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050. */
export function encodeTime(date: Date): asn1js.UTCTime | asn1js.GeneralizedTime {
  return date.getUTCFullYear() >= 2050 ? new asn1js.GeneralizedTime({ valueDate: date }) : new asn1js.UTCTime({ valueDate: date });
}

/** Whether a time is encoded with the type RFC 5280 §4.1.2.5 prescribes for its year. */
export function hasPrescribedTimeType(time: EncodedTime): boolean {
  return time.type === (time.date.getUTCFullYear() >= 2050 ? 'GeneralizedTime' : 'UTCTime');
}

/** A time as found in an encoding: its ASN.1 type, its text and its value. */
export interface EncodedTime {
  type: 'UTCTime' | 'GeneralizedTime';
  text: string;
  date: Date;
}

/**
 * Reads a UTCTime or GeneralizedTime in the RFC 5280 form (YYMMDDHHMMSSZ or
 * YYYYMMDDHHMMSSZ); UTCTime years 50–99 are 19xx (§4.1.2.5.1).
 * @returns undefined when the value is neither, or not in that form.
 */
export function readTime(node: DerNode | undefined): EncodedTime | undefined {
  if (!node || node.tagClass !== 1 || node.constructed || (node.tagNumber !== 23 && node.tagNumber !== 24)) return undefined;
  const whole = node.der;
  const text = Buffer.from(node.content).toString('latin1');
  const type = node.tagNumber === 23 ? 'UTCTime' : 'GeneralizedTime';
  const match = (type === 'UTCTime' ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/ : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/).exec(text);
  if (!match || whole[1]! >= 0x80) return undefined;
  const [y, mo, d, h, mi, s] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const year = type === 'UTCTime' ? (y >= 50 ? 1900 + y : 2000 + y) : y;
  const date = new Date(Date.UTC(year, mo - 1, d, h, mi, s));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return undefined;
  return { type, text, date };
}

/** Adds calendar months in UTC (used for "at most 12 months" limits). */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  result.setUTCMonth(result.getUTCMonth() + months);
  return result;
}

function wholeSeconds(date: Date, field: string): Date {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new PkiError('PKI_VALIDITY_INVALID', `The ${field} is not a valid date.`);
  return new Date(Math.floor(date.getTime() / SECOND) * SECOND);
}
