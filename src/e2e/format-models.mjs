// Writes processes/*.bpmn in Camunda Modeler's own format: what bpmn-js's saveXML({ format: true }) writes when
// Camunda Modeler saves a Camunda 7 diagram — bpmn-moddle's toXML with the camunda and modeler extensions, the XML
// declaration, two-space indentation, a trailing newline. exporter, exporterVersion and modeler:* stay as they are
// (Modeler would stamp its own version; this script is not Modeler).
//
//   npm --prefix src/e2e run format-models              format every model in processes/ (GOVFLOW_PROCESSES_DIR)
//   npm --prefix src/e2e run format-models -- a.bpmn    format the given files
//
// Before a file is written, the formatted XML is read back and compared with the original: every element,
// attribute and text (documentation, conditionExpression, scripts, camunda:* extensions, DI) must be there with
// the same value, as an XML tree independent of bpmn-moddle, and the two moddle trees must be equal. A model
// bpmn-moddle reads with warnings (an element or attribute it does not know) is not written at all. XML comments
// are dropped, as Modeler drops them (the script says so).
// tests/models-format.test.mjs fails when a model on disk differs from this output.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const e2eDir = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(e2eDir, 'package.json'));
const { BpmnModdle } = require('bpmn-moddle');
const camunda = require('camunda-bpmn-moddle/resources/camunda.json');
const modeler = require('modeler-moddle/resources/modeler.json');
const { Parser } = require(require.resolve('saxen', { paths: [path.dirname(require.resolve('moddle-xml'))] }));

/** The moddle Camunda Modeler uses for Camunda 7 diagrams (camunda-bpmn-js + @bpmn-io/execution-platform). */
export function createModdle() {
  return new BpmnModdle({ camunda, modeler });
}

/** Reads one model; refuses it when bpmn-moddle reports a warning, i.e. something it would not write back. */
export async function read(xml, name = 'model') {
  const { rootElement, warnings } = await createModdle().fromXML(xml, 'bpmn:Definitions');
  if (warnings.length > 0) {
    throw new Error(`${name}: bpmn-moddle cannot read everything, formatting would lose it:\n`
      + warnings.map((warning) => `  ${warning.message}`).join('\n'));
  }
  return rootElement;
}

/** The model as Camunda Modeler writes it. */
export async function format(xml, name = 'model') {
  const definitions = await read(xml, name);
  const { xml: formatted } = await createModdle().toXML(definitions, { format: true });
  return formatted.endsWith('\n') ? formatted : `${formatted}\n`;
}

// ---- the round-trip check -------------------------------------------------------------------------------------

/**
 * The XML as a tree of { name: '{uri}local', attrs: sorted [name, value], text, children }, namespaces resolved,
 * namespace declarations left out (compared separately), whitespace between elements ignored, any other text kept
 * exactly (entities and CDATA decoded). Independent of bpmn-moddle: what it did not understand still counts.
 */
export function xmlTree(xml) {
  const parser = new Parser({ proxy: true });
  const root = { name: '#document', attrs: [], text: '', children: [] };
  const stack = [{ node: root, prefixes: {} }];
  let declarations;
  let error;
  parser.on('openTag', (element) => {
    const prefixes = { ...stack.at(-1).prefixes };
    const own = {};
    for (const [name, value] of Object.entries(element.attrs)) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) {
        prefixes[name === 'xmlns' ? '' : name.slice(6)] = value;
        own[name] = value;
      }
    }
    declarations ??= own;
    const resolve = (name, isAttribute) => {
      const [prefix, local] = name.includes(':') ? name.split(':') : [isAttribute ? null : '', name];
      return prefix === null ? local : `{${prefixes[prefix] ?? `?${prefix}`}}${local}`;
    };
    const attrs = Object.entries(element.attrs)
      .filter(([name]) => name !== 'xmlns' && !name.startsWith('xmlns:'))
      .map(([name, value]) => [resolve(name, true), decodeAttribute(value)])
      .sort(byName);
    const node = { name: resolve(element.name, false), attrs, text: '', children: [] };
    stack.at(-1).node.children.push(node);
    stack.push({ node, prefixes });
  });
  parser.on('closeTag', () => stack.pop());
  parser.on('text', (text, decodeEntities) => { stack.at(-1).node.text += decodeEntities(text); });
  parser.on('cdata', (text) => { stack.at(-1).node.text += text; });
  parser.on('error', (err) => { error = err; });
  parser.on('warn', (warning) => { error = warning; });
  parser.parse(xml);
  if (error) {
    throw error;
  }
  const trim = (node) => {
    if (node.text.trim() === '') {
      node.text = '';
    }
    node.children.forEach(trim);
    return node;
  };
  return { root: trim(root).children[0], declarations };
}

const ENTITIES = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeAttribute(value) {
  return value.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (_, entity) => {
    if (entity.startsWith('#x')) {
      return String.fromCodePoint(parseInt(entity.slice(2), 16));
    }
    if (entity.startsWith('#')) {
      return String.fromCodePoint(parseInt(entity.slice(1), 10));
    }
    return ENTITIES[entity];
  });
}

/**
 * An attribute bpmn-moddle leaves out because it holds the meta-model's default (cancelActivity="true"): the same
 * model, and what Modeler writes.
 */
function isDefault(elementName, attribute) {
  const moddle = createModdle();
  const [, uri, local] = /^\{(.*)\}(.*)$/.exec(elementName) ?? [];
  const pkg = moddle.registry.packages.find((candidate) => candidate.uri === uri);
  if (!pkg) {
    return false;
  }
  let type;
  try {
    type = moddle.getType(`${pkg.prefix}:${local[0].toUpperCase()}${local.slice(1)}`);
  } catch {
    return false;
  }
  const descriptor = type && moddle.getElementDescriptor(type);
  const [name, value] = attribute;
  const property = descriptor?.properties.find((p) => p.isAttr && (p.name === name || p.ns.localName === name));
  return property?.default !== undefined && String(property.default) === value;
}

const byName = (a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

function key(node) {
  return JSON.stringify([node.name, node.attrs, node.text, node.children.map(key).sort()]);
}

/** Differences between two XML trees, ignoring the order of sibling elements (Modeler writes moddle's order). */
export function compareXml(before, after) {
  const problems = [];
  const a = xmlTree(before);
  const b = xmlTree(after);
  if (JSON.stringify(a.declarations) !== JSON.stringify(b.declarations)
      && JSON.stringify(Object.entries(a.declarations).sort()) !== JSON.stringify(Object.entries(b.declarations).sort())) {
    problems.push(`namespace declarations differ: ${JSON.stringify(a.declarations)} vs ${JSON.stringify(b.declarations)}`);
  }
  walk(a.root, b.root, a.root.name);
  return problems;

  function walk(x, y, where) {
    if (x.name !== y.name) {
      problems.push(`${where}: element ${x.name} became ${y.name}`);
      return;
    }
    const attrs = (node, other) => node.attrs.filter((attribute) => !(isDefault(node.name, attribute)
      && !other.attrs.some(([name]) => name === attribute[0])));
    if (JSON.stringify(attrs(x, y)) !== JSON.stringify(attrs(y, x))) {
      problems.push(`${where}: attributes ${JSON.stringify(x.attrs)} became ${JSON.stringify(y.attrs)}`);
    }
    if (x.text !== y.text) {
      problems.push(`${where}: text ${JSON.stringify(x.text)} became ${JSON.stringify(y.text)}`);
    }
    const remaining = new Map();
    for (const child of y.children) {
      const k = key(child);
      remaining.set(k, [...(remaining.get(k) ?? []), child]);
    }
    const unmatched = [];
    for (const child of x.children) {
      const k = key(child);
      const same = remaining.get(k);
      if (same?.length) {
        same.shift();
      } else {
        unmatched.push(child);
      }
    }
    const left = [...remaining.values()].flat();
    for (const child of unmatched) {
      const id = child.attrs.find(([name]) => name === 'id')?.[1];
      const partner = left.find((other) => other.name === child.name
        && (other.attrs.find(([name]) => name === 'id')?.[1] === id));
      if (partner) {
        left.splice(left.indexOf(partner), 1);
        walk(child, partner, `${where}/${child.name}${id ? `#${id}` : ''}`);
      } else {
        problems.push(`${where}: lost ${child.name}${id ? `#${id}` : ''}`);
      }
    }
    for (const child of left) {
      problems.push(`${where}: added ${child.name}`);
    }
  }
}

/** Differences between the two moddle trees (types, properties, references by id). */
export async function compareModdle(before, after) {
  const problems = [];
  const a = await read(before, 'original');
  const b = await read(after, 'formatted');
  walk(a, b, a.$type, new Set());
  return problems;

  function walk(x, y, where, seen) {
    if (seen.has(x)) {
      return;
    }
    seen.add(x);
    if (x.$type !== y.$type) {
      problems.push(`${where}: ${x.$type} became ${y.$type}`);
      return;
    }
    const names = new Set([...Object.keys(x), ...Object.keys(y), '$attrs']
      .filter((name) => !name.startsWith('$') || name === '$attrs' || name === '$body'));
    for (const name of names) {
      compare(x[name], y[name], `${where}.${name}`, seen);
    }
  }

  function compare(u, v, where, seen) {
    if (Array.isArray(u) || Array.isArray(v)) {
      if (!Array.isArray(u) || !Array.isArray(v) || u.length !== v.length) {
        problems.push(`${where}: ${u?.length} items became ${v?.length}`);
        return;
      }
      u.forEach((item, index) => compare(item, v[index], `${where}[${index}]`, seen));
    } else if (u && typeof u === 'object' && u.$type) {
      if (!v || typeof v !== 'object') {
        problems.push(`${where}: lost`);
      } else if (u.id && u.$parent && where.split('.').pop() !== '$parent' && isReference(u, where)) {
        if (u.id !== v.id) {
          problems.push(`${where}: reference ${u.id} became ${v.id}`);
        }
      } else {
        walk(u, v, `${where}${u.id ? `#${u.id}` : ''}`, seen);
      }
    } else if (u && typeof u === 'object') {
      compare(Object.entries(u).sort(byName), Object.entries(v ?? {}).sort(byName), where, seen);
    } else if (u !== v) {
      problems.push(`${where}: ${JSON.stringify(u)} became ${JSON.stringify(v)}`);
    }
  }

  function isReference(element, where) {
    // Contained elements are walked where their parent holds them; everything else is compared by id.
    const property = where.replace(/\[\d+\]$/, '').split('.').pop();
    return !element.$parent || !containedIn(element.$parent, property, element);
  }

  function containedIn(parent, property, element) {
    const value = parent[property];
    return value === element || (Array.isArray(value) && value.includes(element));
  }
}

/** Formats a model and proves the round trip loses nothing; returns the formatted XML. */
export async function formatChecked(xml, name = 'model') {
  const formatted = await format(xml, name);
  const problems = [...compareXml(xml, formatted), ...await compareModdle(xml, formatted)];
  if (problems.length > 0) {
    throw new Error(`${name}: formatting would change the model:\n  ${problems.slice(0, 40).join('\n  ')}`);
  }
  return formatted;
}

/** Lines changed between two texts (a plain LCS diff, enough for a report). */
export function changedLines(before, after) {
  const a = before.split('\n');
  const b = after.split('\n');
  const n = a.length;
  const m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  return { removed: n - lcs[0][0], added: m - lcs[0][0] };
}

async function main(args) {
  const processesDir = process.env.GOVFLOW_PROCESSES_DIR
    ? path.resolve(process.env.GOVFLOW_PROCESSES_DIR)
    : path.resolve(e2eDir, '../../processes');
  const files = args.length > 0
    ? args.map((file) => path.resolve(process.env.INIT_CWD ?? process.cwd(), file))
    : fs.readdirSync(processesDir).filter((name) => name.endsWith('.bpmn')).sort()
      .map((name) => path.join(processesDir, name));
  let failed = false;
  for (const file of files) {
    const original = fs.readFileSync(file, 'utf8');
    try {
      const formatted = await formatChecked(original, path.basename(file));
      const comments = (original.match(/<!--/g) ?? []).length;
      if (comments > 0) {
        console.warn(`${path.basename(file)}: ${comments} XML comment(s) dropped — Modeler drops them too; `
          + 'say it in <bpmn:documentation> instead');
      }
      if (formatted === original) {
        console.log(`${path.basename(file)}: already in Camunda Modeler's format`);
      } else {
        fs.writeFileSync(file, formatted);
        const { removed, added } = changedLines(original, formatted);
        console.log(`${path.basename(file)}: formatted (-${removed} +${added} lines)`);
      }
    } catch (err) {
      failed = true;
      console.error(err.message);
    }
  }
  process.exitCode = failed ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main(process.argv.slice(2));
}
