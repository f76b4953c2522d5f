import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDefineXml } from './define-metadata.ts';
import { pilotDefineXml } from './pilot-support.ts';

describe('define.xml metadata', () => {
  it('reads the pilot define.xml: OIDs, data types, lengths and key sequences', () => {
    const r = parseDefineXml(pilotDefineXml());
    assert.ok(r.ok);
    const d = r.value;
    assert.equal(d.studyOID, 'cdisc.com/CDISCPILOT01');
    assert.equal(d.metaDataVersionOID, 'MDV.MSGv2.0.SDTMIG.3.3.SDTM.1.7');
    assert.equal(d.fileOID, 'www.cdisc.org/StudyMSGv2/1/Define-XML_2.1.0');
    const ae = d.datasets.get('AE')!;
    assert.equal(ae.oid, 'IG.AE');
    assert.deepEqual(ae.items.get('STUDYID'), { oid: 'IT.AE.STUDYID', name: 'STUDYID', dataType: 'text', length: 12, keySequence: 1 });
    assert.deepEqual(ae.items.get('AESTDTC'), { oid: 'IT.AE.AESTDTC', name: 'AESTDTC', dataType: 'date', keySequence: 4 });
    assert.equal(d.datasets.get('CM')!.items.get('CMDOSE')!.dataType, 'float');
    assert.equal(d.datasets.get('CM')!.items.get('CMSTDTC')!.dataType, 'partialDate');
  });

  it('decodes entities and ignores comments', () => {
    const xml = `<?xml version="1.0"?><ODM FileOID="F&amp;1"><!-- <ItemGroupDef OID="IG.X" Name="X"> -->
      <Study OID='S&#x31;'><MetaDataVersion OID="M">
      <ItemGroupDef OID="IG.QS" Name="QS" Note="a > b"><ItemRef ItemOID="IT.A" KeySequence="2"/></ItemGroupDef>
      <ItemDef OID="IT.A" Name="QSORRES" DataType="text" Length="20" def:DisplayFormat="$20."/></MetaDataVersion></Study></ODM>`;
    const r = parseDefineXml(xml);
    assert.ok(r.ok);
    assert.equal(r.value.fileOID, 'F&1');
    assert.equal(r.value.studyOID, 'S1');
    assert.deepEqual([...r.value.datasets.keys()], ['QS']);
    assert.deepEqual(r.value.datasets.get('QS')!.items.get('QSORRES'), { oid: 'IT.A', name: 'QSORRES', dataType: 'text', length: 20, displayFormat: '$20.', keySequence: 2 });
  });

  it('says when the text is not an ODM document', () => {
    const r = parseDefineXml('<html><body>no</body></html>');
    assert.ok(!r.ok);
    assert.equal(r.issues[0]!.code, 'define_not_odm');
  });
});
