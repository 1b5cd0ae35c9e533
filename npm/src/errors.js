// GalleyError: every refusal (bad options, input too large, bad JSON input) with a stable code.

/** @typedef {'invalid-options'|'input-too-large'|'invalid-json'|'invalid-input'|'out-of-memory'|'internal'} GalleyErrorCode */

export class GalleyError extends Error {
  /**
   * @param {string} message what was refused and why
   * @param {GalleyErrorCode} code stable machine-readable code
   * @param {string} [field] the offending option or position, if any
   */
  constructor(message, code, field = '') {
    super(message);
    this.name = 'GalleyError';
    this.code = code;
    this.field = field;
  }
}
