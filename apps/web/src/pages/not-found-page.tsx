import { Page } from '../components/page';

export function NotFoundPage() {
  return (
    <Page title="Sidan finns inte">
      <p>Det finns ingen sida på den här adressen. Välj en sida i menyn.</p>
    </Page>
  );
}
