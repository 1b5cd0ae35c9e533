// A small glob for the CLI, without dependencies: `*`, `?`, `[…]` within a path segment and `**`
// across directories; wildcards skip dot files unless the segment itself starts with a dot.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** True when `pattern` holds a wildcard, i.e. needs expanding. */
export function hasMagic(pattern) {
  return /(^|[^\\])[*?[]/.test(pattern);
}

/** A RegExp for one path segment of a pattern (no `/` inside). */
export function segmentRegExp(segment) {
  let source = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === '\\' && i + 1 < segment.length) {
      source += escape(segment[++i]);
    } else if (c === '*') {
      source += '[^/]*';
    } else if (c === '?') {
      source += '[^/]';
    } else if (c === '[') {
      const end = segment.indexOf(']', i + 2);
      if (end < 0) {
        source += '\\[';
        continue;
      }
      let body = segment.slice(i + 1, end);
      const negate = body[0] === '!' || body[0] === '^';
      if (negate) body = body.slice(1);
      source += `[${negate ? '^' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
      i = end;
    } else {
      source += escape(c);
    }
  }
  return new RegExp(`^${source}$`);
}

function escape(c) {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Literal segments lose their escapes. */
function unescape(segment) {
  return segment.replace(/\\(.)/g, '$1');
}

async function entries(dir) {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

async function isFile(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * The files that `pattern` matches, sorted, spelt as the pattern spells them (relative to `cwd`
 * when the pattern is relative). Directories are not returned; `**` does not follow symbolic links.
 * @param {string} pattern e.g. "tests/samples/**\/*.md"
 * @param {{cwd?: string}} [options]
 */
export async function glob(pattern, { cwd = process.cwd() } = {}) {
  const absolute = pattern.startsWith('/');
  const segments = pattern.split('/').filter((s, i) => s !== '' || i === 0);
  if (absolute) segments.shift();
  const found = new Set();
  const fsPath = (prefix) => (absolute ? prefix : prefix ? join(cwd, prefix) : cwd);
  const next = (prefix, name) => (prefix === '' ? name : prefix.endsWith('/') ? prefix + name : `${prefix}/${name}`);
  const walk = async (prefix, index) => {
    if (index === segments.length) {
      if (prefix !== '' && prefix !== '/' && (await isFile(fsPath(prefix)))) found.add(prefix);
      return;
    }
    const segment = segments[index];
    if (segment === '**') {
      await walk(prefix, index + 1);
      for (const entry of await entries(fsPath(prefix))) {
        if (entry.isDirectory() && !entry.name.startsWith('.')) await walk(next(prefix, entry.name), index);
      }
    } else if (!hasMagic(segment)) {
      await walk(next(prefix, unescape(segment)), index + 1);
    } else {
      const re = segmentRegExp(segment);
      const dots = segment.startsWith('.');
      for (const entry of await entries(fsPath(prefix))) {
        if ((dots || !entry.name.startsWith('.')) && re.test(entry.name)) await walk(next(prefix, entry.name), index + 1);
      }
    }
  };
  await walk(absolute ? '/' : '', 0);
  return [...found].sort();
}
