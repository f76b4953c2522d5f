// Loading one thing from the API for a screen: the data, the error, and a way to reload after a
// change. A newer load wins over a slower older one (a quick switch of subject must not show the
// previous subject's answer last). Answers carry text phrased in the request's language (issues,
// reasons), so a switch of language loads again.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useI18n } from './language.tsx';

export interface Loaded<T> {
  readonly data: T | undefined;
  readonly error: unknown;
  readonly loading: boolean;
  readonly reload: () => void;
}

export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);
  const { language } = useI18n();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps decide when to reload
  const run = useCallback(() => {
    const mine = ++generation.current;
    setLoading(true);
    load().then(
      (value) => {
        if (mine !== generation.current) return;
        setData(value);
        setError(undefined);
        setLoading(false);
      },
      (e: unknown) => {
        if (mine !== generation.current) return;
        setError(e);
        setLoading(false);
      },
    );
  }, [...deps, language]);
  useEffect(run, [run]);
  return { data, error, loading, reload: run };
}
