import { describe, expect, it } from 'vitest';
import { escapeHtml, html, joinHtml } from '../../../../src/adapters/http/dashboard/html.js';

describe('html template', () => {
  it('escapes every interpolated value, in text and in attributes', () => {
    const name = `<script>alert("x")</script> & 'q'`;
    expect(html`<p title="${name}">${name}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;</p>',
    );
    expect(escapeHtml('a&amp;b')).toBe('a&amp;amp;b');
  });

  it('keeps fragments it made, joins arrays and drops null, undefined and booleans', () => {
    const item = (t: string) => html`<li>${t}</li>`;
    expect(html`<ul>${['<a>', 'b'].map(item)}</ul>`.value).toBe('<ul><li>&lt;a&gt;</li><li>b</li></ul>');
    expect(html`${null}${undefined}${false}${true}${0}`.value).toBe('0');
    expect(joinHtml(['<', html`<br>`]).value).toBe('&lt;<br>');
  });
});
