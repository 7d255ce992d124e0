import { describe, expect, it } from 'vitest';
import { judgeLint, type LintMessage, type LintReport } from './firefox-lint';

const preactChunk = 'if(f)l||(e.innerHTML=f.__html),r.__k=[];else if(p&&(e.innerHTML=``),A(r))';
const ourChunk = 'const row=document.createElement(`td`);row.innerHTML=member.name;';
const files: Record<string, string> = {
  'assets/Message-abc.js': preactChunk,
  'assets/row.js': ourChunk,
};
const read = (file: string) => files[file] ?? '';

function innerHtmlWarning(file: string, source: string, at: string): LintMessage {
  return {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    message: 'Unsafe assignment to innerHTML',
    file,
    line: 1,
    column: source.indexOf(at) + 1,
  };
}

function report(part: Partial<LintReport>): LintReport {
  return { errors: [], warnings: [], notices: [], ...part };
}

describe('judging web-ext lint', () => {
  it("passes Preact's own innerHTML assignment, saying why", () => {
    const warning = innerHtmlWarning('assets/Message-abc.js', preactChunk, 'e.innerHTML=f');
    const judged = judgeLint(report({ warnings: [warning] }), read);
    expect(judged.failures).toEqual([]);
    expect(judged.justified[0]?.why).toMatch(/dangerouslySetInnerHTML/);
  });

  it('fails an innerHTML assignment of any other value', () => {
    const warning = innerHtmlWarning('assets/row.js', ourChunk, 'row.innerHTML');
    expect(judgeLint(report({ warnings: [warning] }), read).failures).toEqual([warning]);
  });

  it('fails every error, and a warning of a kind nobody justified', () => {
    const error = { code: 'MANIFEST_FIELD_REQUIRED', message: '"/version" is required' };
    const warning = {
      code: 'KEY_FIREFOX_UNSUPPORTED_BY_MIN_VERSION',
      message: 'Manifest key not supported by the specified minimum Firefox version',
      file: 'manifest.json',
    };
    const judged = judgeLint(report({ errors: [error], warnings: [warning] }), read);
    expect(judged.failures).toEqual([error, warning]);
    expect(judged.justified).toEqual([]);
  });

  it('lets notices through, to be shown', () => {
    const notice = { code: 'SOME_NOTICE', message: 'for information' };
    const judged = judgeLint(report({ notices: [notice] }), read);
    expect(judged.failures).toEqual([]);
    expect(judged.notices).toEqual([notice]);
  });
});
