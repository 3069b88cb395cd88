import { useApiQuery } from '../api/use-api-query';
import { Loaded, Page, Section } from '../components/page';

const TYPE_LABELS = { level: 'Nivå 0–4', count: 'Antal', boolean: 'Ja/nej', text: 'Text' };

/** The administrator's view: the current template version, area by area. */
export function TemplatePage() {
  const template = useApiQuery('/templates/current');
  return (
    <Page title="Rapportmall">
      <Loaded state={template} what="mallen">
        {(t) => (
          <>
            <p>
              Version {t.version}: {t.changeNote}
            </p>
            {t.areas.map((area) => (
              <Section key={area.id} title={area.label}>
                <ul>
                  {area.items.map((item) => (
                    <li key={item.id}>
                      {item.label} <span className="muted">({TYPE_LABELS[item.type]})</span>
                    </li>
                  ))}
                </ul>
              </Section>
            ))}
          </>
        )}
      </Loaded>
    </Page>
  );
}
