// @vitest-environment happy-dom

import { cleanup, render } from '@testing-library/preact';
import { afterEach, expect, it } from 'vitest';
import { Rich } from './rich';

afterEach(cleanup);

it('puts each element where the sentence names it, and text as it is', () => {
  const { container } = render(
    <p>
      <Rich id="confirm_thisMember" values={[<strong>Acme</strong>, 'signed out']} />
    </p>,
  );
  expect(container.innerHTML).toBe(
    '<p>This member of <strong>Acme</strong> will be signed out:</p>',
  );
});

it('never lets text pose as an element’s place', () => {
  // A title a page chose, carrying the mark that stands for the first element.
  const { container } = render(
    <p>
      <Rich id="confirm_askedByMenu" values={[<strong>tickets.example</strong>, '\u00010\u0001']} />
    </p>,
  );
  expect(container.querySelectorAll('strong')).toHaveLength(1);
  // The marks are dropped; what is left of the text shows as text.
  expect(container.textContent).toBe('Asked from the right-click menu on tickets.example0.');
});
