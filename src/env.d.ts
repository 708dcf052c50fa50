declare namespace App {
  interface Locals {
    /** The build's site (see plugins/pages/site.ts), handed to every page by archsite's middleware. */
    site: import('../plugins/pages/site.ts').Site;
  }
}
