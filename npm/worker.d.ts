// Types of galley/worker: the Galley API run off the main thread, with cancellable, superseding requests.
import type {
  CheckResult,
  CreateGalleyOptions,
  FixResult,
  FormatResult,
  GalleyOptions,
  RuleInfo,
  Source,
} from './index.js';

export type {
  AppliedFix,
  Article,
  AuthorBox,
  Block,
  BlockQuoteBlock,
  CheckResult,
  CodeBlock,
  CreateGalleyOptions,
  Credits,
  Diagnostic,
  FigureBlock,
  Fix,
  FixResult,
  FootnoteBlock,
  FormatResult,
  Galley,
  GalleyErrorCode,
  GalleyOptions,
  HeadingBlock,
  HtmlBlock,
  Inline,
  InputMode,
  ItemBlock,
  Labels,
  ListBlock,
  Meta,
  OutputName,
  ParagraphBlock,
  Person,
  Profile,
  Quote,
  RecognisedText,
  Recognition,
  RowBlock,
  RuleBlock,
  RuleInfo,
  RuleOptionInfo,
  RuleOptionValue,
  RuleSetting,
  Section,
  Severity,
  SeveritySetting,
  Source,
  Span,
  Stats,
  Suppression,
  TableBlock,
  Takeaways,
  TextPart,
  WasmSource,
} from './index.js';
export { GalleyError, errorCodes } from './index.js';

/**
 * Per-request control, the third argument of each method.
 *
 * - `signal`: aborting it rejects the request with a GalleyError `aborted`. A request still queued
 *   never reaches the worker; one already running finishes there, but its result is dropped.
 * - `key`: a channel name. A new request with the same key supersedes every older pending request
 *   with that key: they reject with a GalleyError `superseded`, so that on every keystroke the newest
 *   text wins and at most one stale run finishes in the background.
 *
 * @example
 * editor.onChange(async (text) => {
 *   try {
 *     render(await galley.format(text, { outputs: ['html'] }, { key: 'preview' }));
 *   } catch (error) {
 *     if (error.code !== 'superseded') throw error;
 *   }
 * });
 */
export interface RequestOptions {
  signal?: AbortSignal;
  key?: string;
}

/**
 * The Galley API in a worker: each method returns a promise. Requests run one at a time in the
 * order they were made. Errors reject with a GalleyError with the same codes as the synchronous API,
 * plus `aborted`, `superseded` and `terminated`.
 */
export interface GalleyWorker {
  /** The core's version, e.g. `"0.1.0"`. */
  readonly version: string;
  /** See Galley.format. */
  format(source: Source, options?: GalleyOptions, request?: RequestOptions): Promise<FormatResult>;
  /** See Galley.check. */
  check(source: Source, options?: GalleyOptions, request?: RequestOptions): Promise<CheckResult>;
  /** See Galley.fix. */
  fix(source: Source, options?: GalleyOptions, request?: RequestOptions): Promise<FixResult>;
  /** See Galley.rules. */
  rules(request?: RequestOptions): Promise<RuleInfo[]>;
  /** Stops the worker. Pending and later requests reject with `terminated`. */
  terminate(): Promise<void>;
}

/**
 * Starts a worker (a module Web Worker in browsers, a worker thread in Node) that loads the core,
 * and resolves when it is ready. `options.wasm` is sent to the worker: a URL or path (resolved
 * here, loaded there), bytes, a Response (read here) or a compiled WebAssembly.Module. In Node the
 * worker keeps the process alive only while a request is pending.
 *
 * @example
 * import { createGalleyWorker } from 'galley/worker';
 * const galley = await createGalleyWorker();
 * const { html } = await galley.format(source);
 */
export function createGalleyWorker(options?: CreateGalleyOptions): Promise<GalleyWorker>;
