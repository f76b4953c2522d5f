// The chosen language for the whole app: remembered in localStorage, sent to the API as
// Accept-Language (so refusals come back phrased in it), and set on <html lang> so that screen
// readers and the CJK font stack follow it.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { setApiLanguage } from './api.ts';
import { initialLanguage, type Language, rememberLanguage, type Translate, translator } from './i18n.ts';

interface LanguageState {
  readonly language: Language;
  readonly t: Translate;
  readonly setLanguage: (language: Language) => void;
}

const LanguageContext = createContext<LanguageState | null>(null);

const storage = () => (typeof localStorage === 'undefined' ? undefined : localStorage);

export function LanguageProvider({ children }: { readonly children: ReactNode }) {
  const [language, setState] = useState<Language>(() => initialLanguage(storage(), typeof navigator === 'undefined' ? [] : navigator.languages));
  setApiLanguage(language);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const setLanguage = useCallback((next: Language) => {
    rememberLanguage(storage(), next);
    setState(next);
  }, []);
  const value = useMemo(() => ({ language, t: translator(language), setLanguage }), [language, setLanguage]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useI18n(): LanguageState {
  const state = useContext(LanguageContext);
  if (!state) throw new Error('useI18n outside LanguageProvider');
  return state;
}
