/** The filters, applied as the admin types; an IP text that is not understood says why. */
import { t } from '../../../shared/i18n';
import type { SessionFilters } from '../filter';

export function Filters(props: {
  filters: SessionFilters;
  /** The workspaces seen in the loaded sessions. */
  workspaces: readonly string[];
  ipProblem?: string;
  onChange: (filters: SessionFilters) => void;
}) {
  const { filters } = props;
  const set = (change: Partial<SessionFilters>) => props.onChange({ ...filters, ...change });
  return (
    <fieldset class="filters">
      <legend>{t('search_filters')}</legend>
      <div class="filter">
        <label for="filter-ip">{t('search_ipLabel')}</label>
        <input
          id="filter-ip"
          type="text"
          spellcheck={false}
          placeholder="203.0.113.9, 203.0.113.0/24, 2001:db8::/32"
          value={filters.ip}
          aria-invalid={props.ipProblem ? true : undefined}
          aria-describedby="filter-ip-hint"
          onInput={(e) => set({ ip: e.currentTarget.value })}
        />
        <p id="filter-ip-hint" class={props.ipProblem ? 'warning' : 'hint'}>
          {props.ipProblem ?? t('search_ipHint')}
        </p>
      </div>
      <div class="filter">
        <label for="filter-member">{t('search_memberLabel')}</label>
        <input
          id="filter-member"
          type="text"
          spellcheck={false}
          placeholder={t('search_memberPlaceholder')}
          value={filters.member}
          onInput={(e) => set({ member: e.currentTarget.value })}
        />
      </div>
      <div class="filter">
        <label for="filter-device">{t('search_deviceLabel')}</label>
        <input
          id="filter-device"
          type="text"
          spellcheck={false}
          placeholder="iPhone, Windows, 4.33"
          value={filters.device}
          onInput={(e) => set({ device: e.currentTarget.value })}
        />
      </div>
      <div class="filter">
        <label for="filter-workspace">{t('search_workspaceLabel')}</label>
        <select
          id="filter-workspace"
          value={filters.workspace}
          onChange={(e) => set({ workspace: e.currentTarget.value })}
        >
          <option value="">{t('search_allWorkspaces')}</option>
          {props.workspaces.map((w) => (
            <option key={w} value={w}>
              {w}
            </option>
          ))}
        </select>
      </div>
      <div class="check">
        <label>
          <input
            type="checkbox"
            checked={filters.ipChanged}
            onChange={(e) => set({ ipChanged: e.currentTarget.checked })}
          />
          {t('search_ipChanged')}
        </label>
        <p class="hint">{t('search_ipChangedHint')}</p>
      </div>
    </fieldset>
  );
}
