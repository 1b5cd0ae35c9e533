// One running instance of the WebAssembly core: moves text in and out of its heap, and replaces
// the instance after a trap so that the caller's Galley object keeps working.
import { GalleyError } from './errors.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The core's default size limit (Options::max_input_bytes). */
const defaultMaxInputBytes = 8 * 1024 * 1024;

/** The exact UTF-8 length of a string: only computed for input that is over the limit. */
function utf8Length(text) {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The heap's ceiling (-sMAXIMUM_MEMORY=2GB in wasm/CMakeLists.txt). */
const heapCeiling = 2 ** 31;

/**
 * Maps a trap or abort of the wasm to a stable code: out-of-memory when the message says so or the
 * heap had grown to its ceiling (an allocation that fails inside the core aborts it), else internal.
 */
function failureCode(text, heapBytes) {
  if (/OOM|out of memory|Cannot enlarge memory|Array buffer allocation failed/i.test(text)) return 'out-of-memory';
  return heapBytes >= heapCeiling - 64 * 1024 * 1024 ? 'out-of-memory' : 'internal';
}

const okPrefix = encoder.encode('{"ok":true,');

/** Whether a reply's UTF-8 starts as the core writes every successful reply. */
export function isOkReply(bytes) {
  if (bytes.length < okPrefix.length) return false;
  for (let i = 0; i < okPrefix.length; i++) if (bytes[i] !== okPrefix[i]) return false;
  return true;
}

const openBrace = 0x7b;

/** Where a result keeps its unparsed model: a property no enumeration, spread or clone sees. */
const modelState = Symbol('galley.model');

/** A result's `article` becomes a plain data property once it is known (unless the caller froze or sealed it). */
function settleArticle(result, value) {
  const state = result[modelState];
  if (state) {
    state.value = value;
    state.model = null;  // the model's text or bytes are not kept alive for nothing
  }
  const own = Object.getOwnPropertyDescriptor(result, 'article');
  if (!own || own.configurable) Object.defineProperty(result, 'article', { value, writable: true, enumerable: true, configurable: true });
  return value;
}

// One getter and one setter for every result: with closures made per result, each result got a
// hidden class of its own in V8, and reading its model cost twice as much.
function getArticle() {
  const state = this[modelState];
  if (!state) return undefined;
  if (state.model === null) return state.value;
  const text = typeof state.model === 'string' ? state.model : decoder.decode(state.model);
  return settleArticle(this, JSON.parse(text));
}

function setArticle(value) {
  settleArticle(this, value);
}

/** Below this many bytes a model is kept as text, above it as bytes (decoded when read). */
const smallModel = 32 * 1024;

/** The text outputs the core hands over beside its reply, in the order of galley::ReplyParts. */
const outputNames = ['html', 'markdown', 'jsonld', 'text'];

/**
 * Takes the parts of the last reply out of the heap (Engine::parts: the article model and the
 * text outputs, which the reply leaves out): the outputs decoded, the model as text when small,
 * else as a copy of its bytes, decoded and parsed when first read (null when there is none).
 */
function takeParts(heap, table) {
  let model = null;
  const modelBytes = table[1];
  if (modelBytes > 0) {
    const bytes = heap.subarray(table[0], table[0] + modelBytes);
    model = modelBytes < smallModel ? decoder.decode(bytes) : bytes.slice();
  }
  const outputs = [];
  for (let i = 0; i < outputNames.length; i++) {
    const at = table[2 + 2 * i];
    const length = table[3 + 2 * i];
    if (length > 0) outputs.push(outputNames[i], decoder.decode(heap.subarray(at, at + length)));
  }
  return { model, outputs };
}

/**
 * The JSON text of a successful reply's UTF-8, `bytes` (which it overwrites in one place),
 * without the `ok` flag: a '{' written over the comma after the flag leaves the rest as one
 * JSON object (deleting `ok` after parsing would make the result a slow dictionary object).
 */
export function okReplyText(bytes) {
  bytes[okPrefix.length - 1] = openBrace;
  return decoder.decode(bytes.subarray(okPrefix.length - 1));
}

/**
 * The result of a successful reply: its JSON text (okReplyText) parsed, with the text outputs
 * and the model that came beside it (takeParts); the model is parsed when first read.
 */
export function readReply(text, { model, outputs }) {
  const reply = JSON.parse(text);
  for (let i = 0; i < outputs.length; i += 2) reply[outputs[i]] = outputs[i + 1];
  if (model === null) return reply;
  Object.defineProperty(reply, modelState, { value: { model, value: undefined } });
  Object.defineProperty(reply, 'article', { get: getArticle, set: setArticle, enumerable: true, configurable: true });
  return reply;
}

export class Runtime {
  #factory;
  #wasmModule;
  #module = null;
  #engine = null;
  #log = [];

  /**
   * @param {(module: object) => Promise<object>} factory the Emscripten module factory (dist/galley.mjs)
   * @param {WebAssembly.Module} wasmModule the compiled core
   */
  constructor(factory, wasmModule) {
    this.#factory = factory;
    this.#wasmModule = wasmModule;
    this.#instantiate();
    /** The core's version string. */
    this.version = this.#module.version();
  }

  /**
   * Creates a fresh instance from the compiled module. Synchronous: the instantiateWasm hook hands
   * the instance back before returning, so the Emscripten glue runs its start-up at once and the
   * module object is complete when the factory returns. This is what lets a failed call restart
   * the core without making the API asynchronous.
   */
  #instantiate() {
    const wasmModule = this.#wasmModule;
    const log = [];
    const module = {
      instantiateWasm(imports, receive) {
        const instance = new WebAssembly.Instance(wasmModule, imports);
        receive(instance, wasmModule);
        return instance.exports;
      },
      print: (line) => log.push(String(line)),
      printErr: (line) => log.push(String(line)),
      onAbort: (what) => log.push(`abort: ${what}`),
    };
    // The factory's promise rejects when the module aborts later; the call that aborted reports it.
    Promise.resolve(this.#factory(module)).catch(() => {});
    if (typeof module.Engine !== 'function') {
      throw new GalleyError(`The WebAssembly core did not start. ${log.join(' ')}`.trim(), 'internal', 'wasm');
    }
    this.#module = module;
    this.#engine = new module.Engine();
    this.#log = log;
  }

  /** Drops a broken instance and starts a new one; if that fails too, the next call tries again. */
  #restart() {
    this.#module = null;
    this.#engine = null;
    try {
      this.#instantiate();
    } catch {
      // Retried on the next call.
    }
  }

  /** Runs `body` against the live instance; a trap or abort restarts the core and becomes a GalleyError. */
  #guard(body) {
    if (!this.#engine) this.#instantiate();
    try {
      return body(this.#module, this.#engine);
    } catch (error) {
      if (error instanceof GalleyError) throw error;
      const log = this.#log.join(' ').trim();
      const heapBytes = this.#module?.HEAPU8?.length ?? 0;
      this.#restart();
      const code = failureCode(`${error?.message ?? error} ${log}`, heapBytes);
      const what = String(error?.message ?? error).replace(/\. Build with -s ASSERTIONS=1 for more info\.?$/, '');
      throw new GalleyError(
        `The WebAssembly core failed (${what}) and was restarted; this call was lost, the next one will run.`,
        code,
        '',
        { cause: error },
      );
    }
  }

  /**
   * Takes the last reply out of the heap and frees it: whether it succeeded and, if so, its JSON
   * text without the `ok` flag (with `bytes`: a copy of its UTF-8) and its parts (takeParts),
   * else the refusal's text.
   */
  static #take(module, engine, length, bytes) {
    const heap = module.HEAPU8;
    const out = engine.output();
    const view = heap.subarray(out, out + length);
    let reply;
    if (!isOkReply(view)) reply = [false, decoder.decode(view)];
    else reply = [true, bytes ? view.slice() : okReplyText(view), takeParts(heap, new Uint32Array(heap.buffer, engine.parts(), 10))];
    engine.release();
    return reply;
  }

  /**
   * Runs a command of galley::run_json ("format", "check", "fix", "rules") and returns its parsed
   * reply without the `ok` flag, or throws the refusal as a GalleyError.
   * @param {string} command
   * @param {string|Uint8Array} source UTF-8 bytes or a string (encoded straight into the heap)
   * @param {string} optionsJson
   * @param {number|undefined} maxInputBytes the limit the options ask for, if valid
   */
  run(command, source, optionsJson, maxInputBytes) {
    const [[ok, reply, parts], truncated] = this.#call(command, source, optionsJson, maxInputBytes, false);
    if (ok) return readReply(reply, parts);
    return Runtime.#refuse(reply, source, truncated);
  }

  /**
   * run() for a caller that passes the result on (galley/worker's worker side): a successful
   * reply comes back as its UTF-8 JSON in a Uint8Array of its own, not parsed (the page parses
   * it once, which is cheaper than parsing here and structured-cloning the objects; see
   * okReplyText), with its parts (takeParts); a refusal throws as from run().
   */
  runBytes(command, source, optionsJson, maxInputBytes) {
    const [[ok, reply, parts], truncated] = this.#call(command, source, optionsJson, maxInputBytes, true);
    if (ok) return [reply, parts];
    return Runtime.#refuse(reply, source, truncated);
  }

  /** Copies the source into the heap, runs the command and takes the reply out (Runtime.#take). */
  #call(command, source, optionsJson, maxInputBytes, bytes) {
    const limit = Number.isSafeInteger(maxInputBytes) && maxInputBytes > 0 ? maxInputBytes : defaultMaxInputBytes;
    let truncated = false;
    const result = this.#guard((module, engine) => {
      let length;
      if (typeof source === 'string') {
        // At most 3 bytes per UTF-16 unit; never more than just over the limit, which is enough to
        // know that the input is too large without encoding all of it.
        const capacity = Math.min(source.length * 3, limit + 4);
        const ptr = engine.input(capacity);
        if (!ptr && capacity > 0) throw new GalleyError('Not enough memory for this input.', 'out-of-memory', 'source');
        const { read, written } = encoder.encodeInto(source, module.HEAPU8.subarray(ptr, ptr + capacity));
        truncated = read < source.length;
        length = written;
      } else {
        length = Math.min(source.length, limit + 1);
        truncated = length < source.length;
        const ptr = engine.input(length);
        if (!ptr && length > 0) throw new GalleyError('Not enough memory for this input.', 'out-of-memory', 'source');
        module.HEAPU8.set(source.subarray(0, length), ptr);
      }
      return Runtime.#take(module, engine, engine.run(command, length, optionsJson), bytes);
    });
    return [result, truncated];
  }

  /** Throws a refusal's reply as a GalleyError. */
  static #refuse(text, source, truncated) {
    const { error } = JSON.parse(text);
    const { code, field } = error;
    let { message } = error;
    if (code === 'input-too-large' && truncated) {
      // Only the first bytes were copied in: name the real size.
      const size = typeof source === 'string' ? utf8Length(source) : source.length;
      message = message.replace(/^The input is \d+ bytes/, `The input is ${size} bytes`);
    }
    throw new GalleyError(message, code, field);
  }

  /** Runs galley::cli::run_json: {args, files, stdin} → {code, stdout, stderr, writes}. */
  cli(request) {
    const text = this.#guard((module, engine) => {
      const length = engine.cli(JSON.stringify(request));
      const out = engine.output();
      const reply = decoder.decode(module.HEAPU8.subarray(out, out + length));
      engine.release();
      return reply;
    });
    return JSON.parse(text);
  }

  /** Makes the core fail on purpose, to test recovery: "trap", "abort" or "memory". */
  debugFail(kind) {
    return this.#guard((module) => module.debugFail(kind));
  }
}
