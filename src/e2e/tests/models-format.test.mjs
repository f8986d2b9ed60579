// Every model in processes/ is kept in Camunda Modeler's own format (what bpmn-js's saveXML({ format: true })
// writes, see format-models.mjs), so that saving a model in Modeler changes only what the process owner changed.
// The round trip must lose nothing: every element, attribute, camunda:* extension, documentation and DI survive.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { bpmnFiles, e2eDir, processesDir } from './support/paths.mjs';
import { compareModdle, compareXml, format, formatChecked } from '../format-models.mjs';

const HOW_TO_FIX = 'run `npm --prefix src/e2e run format-models` (or open and save the model in Camunda Modeler) '
  + 'and commit the result';

test(`processes/ holds the models to check (${processesDir})`, () => {
  assert.ok(bpmnFiles().length > 0, `no .bpmn file in ${processesDir}`);
});

for (const file of bpmnFiles()) {
  const name = path.basename(file);
  test(`${name} is in Camunda Modeler's format`, async () => {
    const onDisk = fs.readFileSync(file, 'utf8');
    const formatted = await formatChecked(onDisk, name);
    if (onDisk !== formatted) {
      const a = onDisk.split('\n');
      const b = formatted.split('\n');
      let line = 0;
      while (line < a.length && a[line] === b[line]) {
        line++;
      }
      assert.fail(`${name} is not in Camunda Modeler's format: ${HOW_TO_FIX}.\n`
        + `First difference at line ${line + 1}:\n  on disk:   ${a[line]?.slice(0, 160)}\n`
        + `  formatted: ${b[line]?.slice(0, 160)}`);
    }
  });
}

const fixture = fs.readFileSync(path.join(e2eDir, 'tests', 'fixtures', 'special-characters.bpmn'), 'utf8');

test('characters XML must escape come out as bpmn-moddle writes them, with the same meaning', async () => {
  const formatted = await formatChecked(fixture, 'special-characters.bpmn');
  assert.ok(formatted.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<bpmn:definitions '));
  assert.ok(formatted.endsWith('</bpmn:definitions>\n'));
  // attributes: numeric references, as bpmn-moddle's escapeAttr
  assert.match(formatted, /camunda:expression="\$\{a &#60; 3 &#38;&#38; b != &#39;x&#39; \? &#34;y&#34; : &#39;z&#39;\}"/);
  assert.match(formatted, /<camunda:property name="outcome.rule" value="a &#62; 1 &#38;&#38; b &#60; 2" \/>/);
  // bodies: CDATA becomes escaped text
  assert.match(formatted,
    /<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">\$\{days &lt; 5 &amp;&amp; status == 'OK'\}<\/bpmn:conditionExpression>/);
  assert.match(formatted, /<camunda:script scriptFormat="groovy">if \(a &lt; b &amp;&amp; c\) \{ println '好' \}<\/camunda:script>/);
  assert.match(formatted, /<bpmn:documentation>说明：a &lt; b &amp;&amp; c &gt; d，引号 ' 和 "。<\/bpmn:documentation>/);
  assert.match(formatted, /\n {8}<camunda:failedJobRetryTimeCycle>R3\/PT1M<\/camunda:failedJobRetryTimeCycle>\n/);
  assert.equal(await format(formatted), formatted, 'formatting twice changes nothing');
});

test('the round-trip check notices a lost attribute, extension, text or DI change', async () => {
  const formatted = await format(fixture);
  const broken = {
    'an attribute': formatted.replace(' camunda:asyncBefore="true"', ''),
    'an extension': formatted.replace(/<camunda:failedJobRetryTimeCycle>[^<]*<\/camunda:failedJobRetryTimeCycle>/, ''),
    'a condition': formatted.replace('days &lt; 5', 'days &lt; 6'),
    'the documentation': formatted.replace('说明', '说'),
    'a waypoint': formatted.replace('<di:waypoint x="300" y="118" />', '<di:waypoint x="301" y="118" />'),
    'an unknown attribute': formatted.replace('<bpmn:process ', '<bpmn:process xmlns:x="urn:x" x:y="1" ')
  };
  for (const [what, xml] of Object.entries(broken)) {
    const problems = [...compareXml(fixture, xml), ...await compareModdle(fixture, xml).catch((err) => [err.message])];
    assert.ok(problems.length > 0, `changing ${what} went unnoticed`);
  }
});
