// The study the screens work on: the first the user has a role in, or the one they chose (a
// user of several studies picks in the header; the choice is remembered like the language).
import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import { get } from './api.ts';
import type { StudySummary } from './types.ts';
import { useLoad } from './use-load.ts';

interface StudyState {
  readonly studies: readonly StudySummary[];
  readonly study: string | undefined;
  /** The chosen study's listing: sites, dose levels, the user's roles in it. */
  readonly summary: StudySummary | undefined;
  readonly choose: (code: string) => void;
  readonly error: unknown;
}

const StudyContext = createContext<StudyState | null>(null);
const key = 'firstdose.study';

export function StudyProvider({ children }: { readonly children: ReactNode }) {
  const { data, error } = useLoad(() => get<StudySummary[]>('/api/studies'), []);
  const [chosen, setChosen] = useState<string | null>(() => (typeof localStorage === 'undefined' ? null : localStorage.getItem(key)));
  const value = useMemo<StudyState>(() => {
    const studies = data ?? [];
    const summary = studies.find((s) => s.code === chosen) ?? studies[0];
    return {
      studies,
      study: summary?.code,
      summary,
      error,
      choose: (code) => {
        setChosen(code);
        try {
          localStorage.setItem(key, code);
        } catch {
          // storage refused: the choice lasts for this page
        }
      },
    };
  }, [data, chosen, error]);
  return <StudyContext.Provider value={value}>{children}</StudyContext.Provider>;
}

export function useStudy(): StudyState {
  const s = useContext(StudyContext);
  if (!s) throw new Error('useStudy outside StudyProvider');
  return s;
}
