import { useEffect, useRef, useState } from 'react';
import type { Actor, ActorKind } from '../../../../shared/model/actor';
import { liaison } from '../../app/transport';

/**
 * The actors matching what is typed (names and aliases, fuzzy), at most twelve, while the list is
 * open; answers that arrive after a newer query are dropped. `active` is the highlighted match.
 */
export function useActorMatches(query: string, open: boolean, kinds?: readonly ActorKind[]) {
  const [matches, setMatches] = useState<Actor[]>([]);
  const [active, setActive] = useState(0);
  const generation = useRef(0);
  useEffect(() => {
    if (!open) return;
    const mine = ++generation.current;
    void liaison.actors.list({ query, limit: 30 }).then((list) => {
      if (mine !== generation.current) return;
      setMatches(list.filter((a) => !kinds || kinds.includes(a.kind)).slice(0, 12));
      setActive(0);
    });
  }, [query, open, kinds]);
  return { matches, active, setActive };
}
