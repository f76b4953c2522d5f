// The "enter data" half of screening: demographics, diagnosis, labs, medicines, scores and the
// patient's attestations, each in a fieldset with a legend. Every change goes up at once, so the
// checklist beside it follows the typing (the screen debounces the requests).
import { sledai2kWeights } from '../../domain/scores/sledai2k.ts';
import { eularAcrCriteria } from '../../domain/scores/eular-acr-2019.ts';
import { type DrugCode, drugs, type EnteredData, type LabEntry, type LabFeature, labFeatures, type MedicationEntry } from '../lib/entered-bundle.ts';
import { useI18n } from '../lib/language.tsx';
import { Field, SelectField } from './field.tsx';

interface Props {
  readonly data: EnteredData;
  readonly asOf: string;
  readonly onChange: (data: EnteredData) => void;
}

const replaceAt = <T,>(list: readonly T[], i: number, item: T) => list.map((x, j) => (j === i ? item : x));
const removeAt = <T,>(list: readonly T[], i: number) => list.filter((_, j) => j !== i);
const toggle = (list: readonly string[], code: string, on: boolean) => (on ? [...list, code] : list.filter((c) => c !== code));

function LabRow({ lab, index, onChange, onRemove }: { lab: LabEntry; index: number; onChange: (l: LabEntry) => void; onRemove: () => void }) {
  const { t } = useI18n();
  const def = labFeatures[lab.feature];
  const n = index + 1;
  return (
    <fieldset className="row-fields">
      <legend className="visually-hidden">{t('web.enter.labRow', { n })}</legend>
      <SelectField label={t('web.enter.lab')} value={lab.feature} onChange={(e) => onChange({ ...lab, feature: e.target.value as LabFeature, unit: labFeatures[e.target.value as LabFeature].units[0] })}>
        {Object.keys(labFeatures).map((f) => (
          <option key={f} value={f}>
            {t(`web.lab.${f}`)}
          </option>
        ))}
      </SelectField>
      <Field label={t('web.enter.value')} inputMode="decimal" value={lab.value} onChange={(e) => onChange({ ...lab, value: e.target.value })} />
      <SelectField label={t('web.enter.unit')} value={lab.unit} onChange={(e) => onChange({ ...lab, unit: e.target.value })}>
        {def.units.map((u) => (
          <option key={u} value={u}>
            {u}
          </option>
        ))}
      </SelectField>
      <Field label={t('web.enter.date')} type="date" value={lab.date} onChange={(e) => onChange({ ...lab, date: e.target.value })} />
      <Field label={t('web.enter.lln')} inputMode="decimal" value={lab.low} onChange={(e) => onChange({ ...lab, low: e.target.value })} />
      <Field label={t('web.enter.uln')} inputMode="decimal" value={lab.high} onChange={(e) => onChange({ ...lab, high: e.target.value })} />
      <button type="button" className="link-button" onClick={onRemove} aria-label={t('web.enter.removeRow', { n })}>
        {t('web.enter.remove')}
      </button>
    </fieldset>
  );
}

function MedicationRow({ med, index, onChange, onRemove }: { med: MedicationEntry; index: number; onChange: (m: MedicationEntry) => void; onRemove: () => void }) {
  const { t } = useI18n();
  const n = index + 1;
  return (
    <fieldset className="row-fields">
      <legend className="visually-hidden">{t('web.enter.medicationRow', { n })}</legend>
      <SelectField label={t('web.enter.drug')} value={med.drug} onChange={(e) => onChange({ ...med, drug: e.target.value as DrugCode })}>
        {Object.entries(drugs).map(([code, name]) => (
          <option key={code} value={code}>
            {t(`web.drug.${name}`)} ({code})
          </option>
        ))}
      </SelectField>
      <Field label={t('web.enter.doseMg')} inputMode="decimal" value={med.doseMg} onChange={(e) => onChange({ ...med, doseMg: e.target.value })} />
      <Field label={t('web.enter.timesPerDay')} inputMode="numeric" value={med.timesPerDay} onChange={(e) => onChange({ ...med, timesPerDay: e.target.value })} />
      <Field label={t('web.enter.start')} type="date" value={med.start} onChange={(e) => onChange({ ...med, start: e.target.value })} />
      <Field label={t('web.enter.end')} type="date" value={med.end} onChange={(e) => onChange({ ...med, end: e.target.value })} />
      <button type="button" className="link-button" onClick={onRemove} aria-label={t('web.enter.removeRow', { n })}>
        {t('web.enter.remove')}
      </button>
    </fieldset>
  );
}

export function EnteredDataForm({ data, asOf, onChange }: Props) {
  const { t } = useI18n();
  const set = (patch: Partial<EnteredData>) => onChange({ ...data, ...patch });
  return (
    <div className="entered-data">
      <fieldset>
        <legend>{t('web.enter.patient')}</legend>
        <div className="grid-3">
          <Field label={t('web.enter.birthDate')} type="date" value={data.birthDate} onChange={(e) => set({ birthDate: e.target.value })} />
          <SelectField label={t('web.enter.sex')} value={data.sex} onChange={(e) => set({ sex: e.target.value as EnteredData['sex'] })}>
            <option value="">{t('web.enter.notGiven')}</option>
            <option value="female">{t('web.enter.female')}</option>
            <option value="male">{t('web.enter.male')}</option>
          </SelectField>
          <Field label={t('web.enter.sleOnset')} type="date" value={data.sleOnset} onChange={(e) => set({ sleOnset: e.target.value })} />
          <Field label={t('web.enter.anaDilution')} hint={t('web.enter.anaHint')} inputMode="numeric" value={data.anaDilution} onChange={(e) => set({ anaDilution: e.target.value })} />
          <SelectField label={t('web.enter.hcg')} value={data.hcg} onChange={(e) => set({ hcg: e.target.value as EnteredData['hcg'] })}>
            <option value="">{t('web.enter.notGiven')}</option>
            <option value="negative">{t('web.enter.negative')}</option>
            <option value="positive">{t('web.enter.positive')}</option>
          </SelectField>
          <Field label={t('web.enter.gilbert')} type="checkbox" checked={data.gilbert} onChange={(e) => set({ gilbert: e.target.checked })} />
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('web.enter.labs')}</legend>
        {data.labs.map((lab, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional and edited in place
          <LabRow key={i} index={i} lab={lab} onChange={(l) => set({ labs: replaceAt(data.labs, i, l) })} onRemove={() => set({ labs: removeAt(data.labs, i) })} />
        ))}
        <button type="button" onClick={() => set({ labs: [...data.labs, { feature: 'anc', value: '', unit: labFeatures.anc.units[0], date: asOf, low: '', high: '' }] })}>
          {t('web.enter.addLab')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t('web.enter.medications')}</legend>
        {data.medications.map((med, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional and edited in place
          <MedicationRow key={i} index={i} med={med} onChange={(m) => set({ medications: replaceAt(data.medications, i, m) })} onRemove={() => set({ medications: removeAt(data.medications, i) })} />
        ))}
        <button type="button" onClick={() => set({ medications: [...data.medications, { drug: 'H02AB07', doseMg: '', timesPerDay: '1', start: '', end: '' }] })}>
          {t('web.enter.addMedication')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t('web.enter.sledai')}</legend>
        <div className="checks">
          {Object.entries(sledai2kWeights).map(([code, weight]) => (
            <Field key={code} type="checkbox" label={`${t(`web.sledai.${code}`)} (${weight})`} checked={data.sledai.includes(code)} onChange={(e) => set({ sledai: toggle(data.sledai, code, e.target.checked) })} />
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('web.enter.eular')}</legend>
        <div className="checks">
          {Object.entries(eularAcrCriteria).map(([code, [, points]]) => (
            <Field key={code} type="checkbox" label={`${t(`web.eular.${code}`)} (${points})`} checked={data.eular.includes(code)} onChange={(e) => set({ eular: toggle(data.eular, code, e.target.checked) })} />
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('web.enter.attestations')}</legend>
        <div className="grid-3">
          <SelectField label={t('web.enter.dyspnea')} value={data.dyspneaGrade} onChange={(e) => set({ dyspneaGrade: e.target.value })}>
            <option value="">{t('web.enter.notGiven')}</option>
            {[0, 1, 2, 3, 4].map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('web.enter.lactating')} value={data.lactating} onChange={(e) => set({ lactating: e.target.value as EnteredData['lactating'] })}>
            <option value="">{t('web.enter.notGiven')}</option>
            <option value="no">{t('web.no')}</option>
            <option value="yes">{t('web.yes')}</option>
          </SelectField>
          <SelectField label={t('web.enter.contraception')} value={data.contraception} onChange={(e) => set({ contraception: e.target.value as EnteredData['contraception'] })}>
            <option value="">{t('web.enter.notGiven')}</option>
            <option value="yes">{t('web.yes')}</option>
            <option value="no">{t('web.no')}</option>
          </SelectField>
        </div>
      </fieldset>
    </div>
  );
}
