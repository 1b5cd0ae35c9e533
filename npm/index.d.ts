// Types of the galley package: the contract of createGalley(), its options, results and errors.
// Written by hand; every name here is what the WebAssembly core reads or writes as JSON.

// ---------------------------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------------------------

/**
 * Where the WebAssembly core comes from. By default the package's own `galley.wasm`, found next to
 * the module with `new URL('../dist/galley.wasm', import.meta.url)` (bundlers emit it).
 *
 * - a `URL` or a string: fetched (in Node, `file:` URLs and paths are read from disk); a relative
 *   string resolves against the page (`document.baseURI`) or Node's working directory;
 * - a `Response` (e.g. `fetch('/assets/galley.wasm')`): compiled while streaming when it is served
 *   as `application/wasm`;
 * - bytes: an `ArrayBuffer` or a typed array;
 * - a compiled `WebAssembly.Module`;
 * - or a promise of any of these.
 */
export type WasmSource =
  | URL
  | string
  | Response
  | ArrayBuffer
  | ArrayBufferView
  | WebAssembly.Module
  | PromiseLike<URL | string | Response | ArrayBuffer | ArrayBufferView | WebAssembly.Module>;

/** Options of createGalley(). */
export interface CreateGalleyOptions {
  /** Where to load the core from; see {@link WasmSource}. The compiled module is cached per source. */
  wasm?: WasmSource;
}

/**
 * Loads the WebAssembly core and returns a ready instance. The `.wasm` is compiled once per source
 * and shared: further calls only instantiate it (a few milliseconds). Rejects with a GalleyError
 * `load-failed` when the wasm cannot be fetched or compiled, `invalid-options` for a bad option.
 *
 * @example
 * import { createGalley } from 'galley';
 * const galley = await createGalley();
 * const { html, diagnostics } = galley.format(source);
 */
export function createGalley(options?: CreateGalleyOptions): Promise<Galley>;

/** Source text: a string, or the UTF-8 bytes of a file (invalid UTF-8 becomes U+FFFD with an `input/invalid-utf8` finding). */
export type Source = string | Uint8Array;

/**
 * An instance of the core. Every method is synchronous and throws {@link GalleyError} for refused
 * input or options; after any error, including a crash of the WebAssembly module itself, the same
 * instance keeps working.
 */
export interface Galley {
  /** The core's version, e.g. `"0.1.0"`. */
  readonly version: string;
  /** Parses, recognises, checks and renders an article. Renders `html` and `json` unless `options.outputs` says otherwise. */
  format(source: Source, options?: GalleyOptions): FormatResult;
  /** Recognises and checks an article: diagnostics and stats, nothing rendered (cheaper than format on every keystroke). */
  check(source: Source, options?: GalleyOptions): CheckResult;
  /** Applies every automatic fix, re-checks, and repeats until nothing fixable is left (at most 10 passes). Never removes a word. */
  fix(source: Source, options?: GalleyOptions): FixResult;
  /** The rule catalogue, in registry order. */
  rules(): RuleInfo[];
}

// ---------------------------------------------------------------------------------------------
// Options (validated by the core: unknown keys, rule ids or wrong types are `invalid-options`)
// ---------------------------------------------------------------------------------------------

/** How the source is read. `auto` decides between markdown and text and reports it (`input/mode`). */
export type InputMode = 'auto' | 'markdown' | 'text' | 'json';

/** What to render. `json` is the article model (returned as `article`). */
export type OutputName = 'html' | 'markdown' | 'json' | 'jsonld' | 'text';

/** Rule profiles: default severities differ per profile. */
export type Profile = 'news' | 'blog' | 'minimal';

/** A finding's severity; `off` disables a rule. */
export type Severity = 'error' | 'warning' | 'info';

/** A configured severity. */
export type SeveritySetting = Severity | 'off';

/** Values of rule options (see {@link RuleInfo.options} for each rule's names, types and defaults). */
export type RuleOptionValue = boolean | number | string | string[];

/**
 * A rule's configuration, ESLint-like: a severity, or `[severity, {option: value}]`.
 * @example { 'takeaways/count': ['warning', { min: 3, max: 5 }], 'typography/straight-quotes': 'off' }
 */
export type RuleSetting = SeveritySetting | [SeveritySetting] | [SeveritySetting, Record<string, RuleOptionValue>];

/** Lines where a rule (or every rule, when `rule` is empty or absent) is not reported. */
export interface Suppression {
  /** Rule id; omitted or `""` silences every rule. */
  rule?: string;
  /** First line, 1-based. */
  startLine: number;
  /** Last line, inclusive; defaults to `startLine`. */
  endLine?: number;
}

/** Extra part labels recognised on top of the built-in ones (English, German, French). */
export interface Labels {
  /** Headings of the key takeaways box, e.g. `"In brief"`. */
  takeaways?: string[];
  /** Headings of the credits, e.g. `"Reporters on the Ground"`. */
  credits?: string[];
  /** Headings of the author box, e.g. `"About the writer"`. */
  author?: string[];
}

/** Options of format(), check() and fix(). All are optional; the defaults are in brackets. */
export interface GalleyOptions {
  /** How to read the source [`"auto"`]. */
  input?: InputMode;
  /** What format() renders [`["html", "json"]`]. Ignored by check() and fix(). */
  outputs?: OutputName[];
  /** Default severities [`"news"`]. */
  profile?: Profile;
  /** Per-rule severities and options; an unknown rule id is refused. */
  rules?: Record<string, RuleSetting>;
  /** Language of typography and part labels: `"en"`, `"de"` or `"fr"`, optionally with a region (`"de-AT"`) [`"en"`]. */
  locale?: string;
  /**
   * Curly quotes, dashes, ellipses and no-break spaces in the output: `true`/`false` for both, or
   * per output [`{html: true, markdown: false}`].
   */
  typography?: boolean | { html?: boolean; markdown?: boolean };
  /** Prefix of every HTML class name: letters, digits, `-` and `_` [`"galley-"`]. */
  classPrefix?: string;
  /** HTML: a whole page with the default stylesheet instead of an `<article>` fragment [`false`]. */
  document?: boolean;
  /** HTML: pass raw HTML from the source through the sanitiser (tag filter, attribute allow-list) instead of escaping it [`false`]. */
  allowRawHtml?: boolean;
  /** HTML passthrough: keep `style` attributes [`false`]. */
  allowStyle?: boolean;
  /** Larger input (in UTF-8 bytes) is refused with `input-too-large` [`8388608`, 8 MiB]. */
  maxInputBytes?: number;
  /** Order of the parts in rendered output: as in the source, or header, takeaways, sections, credits, author box [`"source"`]. */
  layout?: 'source' | 'standard';
  /** Line ranges where findings are not reported (the API form of `<!-- galley-disable -->`). */
  suppress?: Suppression[];
  /** Extra labels for recognising parts. */
  labels?: Labels;
  /** Ignored: lets a configuration file name its JSON schema. */
  $schema?: string;
}

// ---------------------------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------------------------

/**
 * A position in the source. Lines and columns are 1-based; columns and offsets count UTF-16 code
 * units, as JavaScript strings and editors (CodeMirror, Monaco) do: `source.slice(offset, endOffset)`
 * is the text. `endColumn` and `endOffset` are exclusive.
 */
export interface Span {
  offset: number;
  endOffset: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A replacement that resolves a finding: `source.slice(0, offset) + text + source.slice(endOffset)`. */
export interface Fix {
  /** UTF-16 offset of the first replaced unit. */
  offset: number;
  /** UTF-16 offset one past the last replaced unit. */
  endOffset: number;
  /** The replacement. */
  text: string;
}

/** One rule finding, with the exact place it refers to. */
export interface Diagnostic extends Span {
  /** Rule id, `group/name`, e.g. `"quotes/unattributed"`. */
  rule: string;
  severity: Severity;
  /** One sentence that says what and where. */
  message: string;
  /** An exact edit that resolves the finding, or null. Fixes of one result never overlap. */
  fix: Fix | null;
}

/** Counts and stage timings of one run. */
export interface Stats {
  /** Words of body text. */
  words: number;
  /** UTF-16 code units of the source. */
  characters: number;
  /** Paragraphs in all sections. */
  paragraphs: number;
  sections: number;
  quotes: number;
  /** Estimated reading time. */
  readingMinutes: number;
  /** Milliseconds per stage (measured inside the core). */
  timings: { parseMs: number; recogniseMs: number; rulesMs: number; renderMs: number; totalMs: number };
}

/** What check() returns. */
export interface CheckResult {
  /** The input mode used (never `auto`). */
  mode: Exclude<InputMode, 'auto'>;
  /** Findings, ordered by position. */
  diagnostics: Diagnostic[];
  stats: Stats;
}

/** What format() returns: each output is present when it was requested in `outputs`. */
export interface FormatResult extends CheckResult {
  /** The article model (output `json`). The core renders it as JSON; it becomes objects when first read. */
  article?: Article;
  /** An `<article>` fragment, or a whole page with `document: true` (output `html`). Safe to insert into a page. */
  html?: string;
  /** Canonical Markdown; formatting it again gives the same text (output `markdown`). */
  markdown?: string;
  /** schema.org NewsArticle as a JSON string, for `<script type="application/ld+json">` (output `jsonld`). */
  jsonld?: string;
  /** Plain text, one paragraph a line (output `text`). */
  text?: string;
}

/** One edit that fix() applied. */
export interface AppliedFix {
  /** The rule whose fix it was. */
  rule: string;
  /** The finding it resolved. */
  message: string;
  /** Where it was, in the text of the pass that applied it. */
  line: number;
  column: number;
  /** The replaced text and its replacement. */
  before: string;
  after: string;
}

/** What fix() returns. */
export interface FixResult {
  /** The fixed source. */
  source: string;
  /** Every edit, pass by pass. */
  applied: AppliedFix[];
  /** What is left after the last pass. */
  remaining: Diagnostic[];
  /** Check-and-fix rounds run. */
  passes: number;
}

/** A rule option's description in the catalogue. */
export interface RuleOptionInfo {
  name: string;
  type: 'boolean' | 'integer' | 'number' | 'string' | 'string[]';
  default: RuleOptionValue;
  description: string;
}

/** A catalogue entry, as rules() returns it. */
export interface RuleInfo {
  /** `group/name`. */
  id: string;
  /** One line: what it finds. */
  summary: string;
  /** Why it matters. */
  rationale: string;
  /** e.g. `structure`, `readability`, `typography`. */
  tags: string[];
  /** Default severity in each profile. */
  severity: Record<Profile, SeveritySetting>;
  /** Whether its findings carry fixes. */
  fixable: boolean;
  options: RuleOptionInfo[];
  /** Markdown that triggers the rule. */
  example: string;
  /** The example after fix(), if fixable (else empty). */
  exampleFixed: string;
}

// ---------------------------------------------------------------------------------------------
// The article model (JSON schema galley.article/v1; `import schema from 'galley/schema.json'`)
// ---------------------------------------------------------------------------------------------

/** How a recognised part was decided, so that a CMS can ask the author to confirm a guess. */
export interface Recognition {
  /** 0–1; 1 when the source said so explicitly (Markdown markup, front matter). */
  confidence: number;
  /** The rule that decided it, e.g. `"markdown-h1"`, `"title-like-line"`. */
  reason: string;
}

/** Inline content. Containers (`emphasis`, `strong`, `strikethrough`, `link`, `image`) hold children. */
export type Inline =
  | { type: 'text' | 'code' | 'html'; text: string }
  | { type: 'emphasis' | 'strong' | 'strikethrough'; children: Inline[] }
  | { type: 'link' | 'image'; url: string; title: string; children: Inline[] }
  | { type: 'softbreak' | 'linebreak' }
  | { type: 'footnoteReference'; label: string };

/** A piece of recognised text: its plain text, its inline content and where it stands. */
export interface TextPart {
  /** The plain text of `inlines`. */
  text: string;
  inlines: Inline[];
  /** Where it stands; null for parts that came from JSON input. */
  span: Span | null;
}

/** A headline or dek: a text part with how it was recognised. */
export interface RecognisedText extends TextPart, Recognition {}

/** A person named by the byline, the credits or the author box. */
export interface Person {
  /** The name only: no "By", role or outlet. */
  name: string;
  /** e.g. `"reporting"`, `"additional reporting"`, `"editing"`. */
  role?: string;
  /** e.g. `"Washington"`. */
  location?: string;
  /** A profile link, if given. */
  url?: string;
  span: Span | null;
}

/** Fields every block has. */
interface BlockBase {
  span: Span | null;
}

/** A paragraph. */
export interface ParagraphBlock extends BlockBase {
  type: 'paragraph';
  /** Plain text of `inlines`. */
  text: string;
  inlines: Inline[];
}

/** A heading inside a block (only in parsed documents: an article turns headings into sections). */
export interface HeadingBlock extends BlockBase {
  type: 'heading';
  level: number;
  inlines: Inline[];
}

/** A block quote; `attribution` is its "— Name" line and `speaker` the person it names. */
export interface BlockQuoteBlock extends BlockBase, Partial<Recognition> {
  type: 'blockquote';
  blocks: Block[];
  attribution: Inline[] | null;
  speaker: string | null;
  /** A pull quote: a quotation set apart from the text for display. */
  pull: boolean;
}

/** A bulleted or numbered list. */
export interface ListBlock extends BlockBase {
  type: 'list';
  ordered: boolean;
  /** First number of an ordered list. */
  start: number;
  /** No blank lines between items. */
  tight: boolean;
  /** `"."` or `")"` after the number (ordered lists only). */
  delimiter?: '.' | ')';
  items: ItemBlock[];
}

/** A list item; `checked` is present for task items. */
export interface ItemBlock extends BlockBase {
  type: 'item';
  checked?: boolean;
  blocks: Block[];
}

/** A code block. */
export interface CodeBlock extends BlockBase {
  type: 'code';
  /** The info string (language). */
  info: string;
  /** Fenced (true) or indented. */
  fenced: boolean;
  text: string;
}

/** A raw HTML block (escaped on output unless `allowRawHtml`). */
export interface HtmlBlock extends BlockBase {
  type: 'html';
  text: string;
}

/** A table: rows of cells, each cell a run of inlines. */
export interface TableBlock extends BlockBase {
  type: 'table';
  /** Alignment of each column. */
  align: Array<'none' | 'left' | 'center' | 'right'>;
  rows: RowBlock[];
}

/** A table row. */
export interface RowBlock extends BlockBase {
  type: 'row';
  /** The header row. */
  header: boolean;
  cells: Inline[][];
}

/** A thematic break. */
export interface RuleBlock extends BlockBase {
  type: 'rule';
}

/** An image (possibly inside a link) with its caption. */
export interface FigureBlock extends BlockBase {
  type: 'figure';
  inlines: Inline[];
  caption: Inline[];
}

/** A footnote definition. */
export interface FootnoteBlock extends BlockBase {
  type: 'footnote';
  label: string;
  blocks: Block[];
}

/** Any block of a section. */
export type Block =
  | ParagraphBlock
  | HeadingBlock
  | BlockQuoteBlock
  | ListBlock
  | ItemBlock
  | CodeBlock
  | HtmlBlock
  | TableBlock
  | RowBlock
  | RuleBlock
  | FigureBlock
  | FootnoteBlock;

/** A section: an optional heading and the blocks under it. */
export interface Section {
  /** null for the lead section and for text between parts. */
  heading: RecognisedText | null;
  /** Heading level (2 for `##`, 3 for `###`, …). */
  level: number;
  /** A unique slug of the heading (the HTML `id`). */
  id: string;
  blocks: Block[];
  span: Span | null;
}

/** The key takeaways box. */
export interface Takeaways extends Recognition {
  heading: TextPart;
  /** The list was numbered. */
  ordered: boolean;
  items: TextPart[];
  span: Span | null;
}

/** The credits: who reported, wrote, edited. */
export interface Credits extends Recognition {
  /** e.g. "Reporters on the Ground", if the credits had a heading. */
  heading: TextPart | null;
  /** The credits paragraph. */
  text: TextPart;
  /** The people it names, in order, with their roles. */
  people: Person[];
  span: Span | null;
}

/** The author box: a short biography of the author. */
export interface AuthorBox extends Recognition {
  /** e.g. "About the author", if it had a heading. */
  heading: TextPart | null;
  name: string;
  /** e.g. "journalist". */
  role: string | null;
  /** The biography paragraphs. */
  bio: Block[];
  /** Links found in the biography. */
  links: string[];
  span: Span | null;
}

/** A quotation found in the text. */
export interface Quote extends Recognition {
  /** The words inside the quotation marks. */
  text: string;
  /** The speaker's name, or null. */
  speaker: string | null;
  /** Where the speaker is named (may be an earlier sentence); present when a speaker was found in the text. */
  speakerSpan?: Span | null;
  kind: 'inline' | 'block' | 'pull';
  /** A fragment worked into the sentence rather than a full statement. */
  partial: boolean;
  /** Scare quotes: one to three words, no speaker needed. */
  scare: boolean;
  span: Span | null;
}

/** Facts about the article as a whole. */
export interface Meta {
  /** BCP 47 code from front matter or detection. */
  language: string;
  /** How the language was decided (absent when nothing said, and the default applied). */
  languageSource?: Recognition;
  wordCount: number;
  readingMinutes: number;
  /** Publication date as given, or null. */
  date: string | null;
  tags: string[];
  /** The kicker (overline) from front matter, or null. */
  kicker: string | null;
  frontMatterFormat: 'yaml' | 'toml' | null;
  /** Every front matter key, including those Galley does not use. */
  frontMatter: Record<string, unknown>;
}

/** A recognised article: the `json` output, returned as `article`. */
export interface Article {
  schema: 'galley.article/v1';
  /** First H1 or title-like line; null if none. */
  headline: RecognisedText | null;
  /** The standfirst under the headline. */
  dek: RecognisedText | null;
  /** Authors from front matter, a "By …" line or the credits. */
  byline: Person[];
  /** Where the byline came from (present when there is a byline). */
  bylineSource?: Recognition;
  /** The "By …" line as written, or null when the byline came from elsewhere (front matter, credits). */
  bylineText: RecognisedText | null;
  /** A "KYIV, Ukraine (AP) —" style prefix, or null. */
  dateline: string | null;
  /** How the dateline was recognised (present when there is a dateline). */
  datelineSource?: Recognition;
  /** In source order; the lead section has a null heading. */
  sections: Section[];
  takeaways: Takeaways | null;
  credits: Credits | null;
  authorBox: AuthorBox | null;
  /** Every quotation in the text, in order. */
  quotes: Quote[];
  /** Footnote definitions. */
  footnotes: FootnoteBlock[];
  meta: Meta;
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/**
 * Stable error codes:
 * - `invalid-options`: an option or config entry is unknown or has the wrong type or value (`field` names it);
 * - `input-too-large`: the source is over `maxInputBytes` (`field` is `"maxInputBytes"`);
 * - `invalid-json`: with `input: "json"`, the article model could not be parsed or validated (`field` is its JSON path or position);
 * - `invalid-input`: the source is neither a string nor a Uint8Array (`field` is `"source"`);
 * - `out-of-memory`: the module could not allocate what the input needs; the instance stays usable;
 * - `internal`: a bug; the WebAssembly module was restarted and the instance stays usable;
 * - `load-failed`: the `.wasm` (or the worker script) could not be fetched or compiled;
 * - `aborted`: galley/worker only: the request's AbortSignal fired (`cause` is its reason);
 * - `superseded`: galley/worker only: a newer request with the same `key` replaced it;
 * - `terminated`: galley/worker only: the worker was terminated.
 */
export type GalleyErrorCode =
  | 'invalid-options'
  | 'input-too-large'
  | 'invalid-json'
  | 'invalid-input'
  | 'out-of-memory'
  | 'internal'
  | 'load-failed'
  | 'aborted'
  | 'superseded'
  | 'terminated';

/** Every code GalleyError can carry. */
export const errorCodes: readonly GalleyErrorCode[];

/** What the package throws (or rejects with): a refusal or failure with a stable code. */
export class GalleyError extends Error {
  constructor(message: string, code: GalleyErrorCode, field?: string, options?: { cause?: unknown });
  readonly name: 'GalleyError';
  /** Stable, machine-readable: switch on this, not on the message. */
  readonly code: GalleyErrorCode;
  /** The offending option or JSON path (e.g. `"profile"`, `"rules.no/such-rule"`, `"outputs[1]"`), or `""`. */
  readonly field: string;
}
