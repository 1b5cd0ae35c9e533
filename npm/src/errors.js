// GalleyError: every refusal and failure of the package, with a stable code and the offending field.

/**
 * @typedef {'invalid-options'|'input-too-large'|'invalid-json'|'invalid-input'|'out-of-memory'|
 *   'internal'|'load-failed'|'aborted'|'superseded'|'terminated'} GalleyErrorCode
 */

/** The codes a GalleyError can carry; see index.d.ts for what each means. */
export const errorCodes = Object.freeze([
  'invalid-options',
  'input-too-large',
  'invalid-json',
  'invalid-input',
  'out-of-memory',
  'internal',
  'load-failed',
  'aborted',
  'superseded',
  'terminated',
]);

export class GalleyError extends Error {
  /**
   * @param {string} message what was refused and why, in one sentence
   * @param {GalleyErrorCode} code stable machine-readable code
   * @param {string} [field] the offending option or JSON path, or ''
   * @param {{cause?: unknown}} [options] the underlying error, if any
   */
  constructor(message, code, field = '', options = undefined) {
    super(message, options);
    this.name = 'GalleyError';
    this.code = code;
    this.field = field;
  }
}

/** A plain object that survives postMessage, for GalleyError or any other error. */
export function serialiseError(error) {
  if (error instanceof GalleyError) {
    return { code: error.code, message: error.message, field: error.field };
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { code: 'internal', message, field: '' };
}

/** The GalleyError that serialiseError() described. */
export function deserialiseError(data) {
  const code = errorCodes.includes(data?.code) ? data.code : 'internal';
  return new GalleyError(String(data?.message ?? 'Unknown error.'), code, String(data?.field ?? ''));
}
