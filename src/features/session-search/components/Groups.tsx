/** The biggest groups of the matching sessions; choosing one narrows the filters to it. */

import { t } from '../../../shared/i18n';
import { amount } from '../../bulk/components/words';
import type { Group } from '../filter';

export interface GroupLists {
  byIp: Group[];
  byMember: Group[];
  byClient: Group[];
}

function GroupList(props: {
  title: string;
  groups: Group[];
  label: (value: string) => string;
  onPick: (value: string) => void;
}) {
  if (props.groups.length === 0) return null;
  return (
    <section class="group" aria-label={props.title}>
      <h3>{props.title}</h3>
      <ul>
        {props.groups.map((g) => (
          <li key={g.value}>
            <button type="button" class="link" onClick={() => props.onPick(g.value)}>
              {props.label(g.value)}
            </button>{' '}
            <span class="count">{amount(g.count)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Groups(props: {
  groups: GroupLists;
  nameOf: (userId: string) => string | undefined;
  onPickIp: (ip: string) => void;
  onPickMember: (userId: string) => void;
  onPickClient: (version: string) => void;
}) {
  const { groups } = props;
  const same = (value: string) => value;
  return (
    <div class="groups">
      <GroupList
        title={t('search_byIp')}
        groups={groups.byIp}
        label={same}
        onPick={props.onPickIp}
      />
      <GroupList
        title={t('search_byMember')}
        groups={groups.byMember}
        label={(id) => {
          const name = props.nameOf(id);
          return name ? `${name} (${id})` : id;
        }}
        onPick={props.onPickMember}
      />
      <GroupList
        title={t('search_byClient')}
        groups={groups.byClient}
        label={same}
        onPick={props.onPickClient}
      />
    </div>
  );
}
