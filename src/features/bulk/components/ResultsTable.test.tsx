// @vitest-environment happy-dom

import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { manyTargets } from '../../../../test/support/bulk-fixtures';
import { ResultsTable, ROW_HEIGHT } from './ResultsTable';

afterEach(() => cleanup());

const memberCells = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]!.textContent);

describe('ResultsTable', () => {
  it('draws the rows in view as the box scrolls, with each row’s place in the whole list', async () => {
    render(<ResultsTable targets={manyTargets(10_000)} />);
    expect(memberCells()[0]).toBe('U000000000');
    expect(screen.getAllByRole('row').length).toBeLessThan(60);

    const box = screen.getByRole('table').parentElement!;
    box.scrollTop = 5_000 * ROW_HEIGHT;
    fireEvent.scroll(box);
    await waitFor(() => expect(memberCells()).toContain('U000005000'));
    expect(memberCells()).not.toContain('U000000000');
    expect(screen.getAllByRole('row').length).toBeLessThan(60);
    const row = screen.getByRole('row', { name: /U000005000/ });
    expect(row.getAttribute('aria-rowindex')).toBe('5002');
  });

  it('draws every row of a short list', () => {
    render(<ResultsTable targets={manyTargets(5)} />);
    expect(memberCells()).toEqual([
      'U000000000',
      'U000000001',
      'U000000002',
      'U000000003',
      'U000000004',
    ]);
    expect(screen.queryByText(/Export results has all/)).toBeNull();
  });
});
