/** A module's messages in every language FirstDose speaks; a test keeps the key sets equal. */
export interface MessageFragment {
  readonly en: Readonly<Record<string, string>>;
  readonly 'zh-CN': Readonly<Record<string, string>>;
}
