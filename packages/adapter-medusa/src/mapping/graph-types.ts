/**
 * The slices of Medusa records this adapter reads through `query.graph`.
 * Declared here (not imported from Medusa) so the mapping stays plain data
 * in, canonical entity out, and a Medusa upgrade that drops a field shows up
 * in the integration tests rather than in a cast.
 */
export type Numeric = number | string | { readonly numeric?: number; readonly value?: string } | null | undefined;

export interface GraphAddress {
  readonly first_name?: string | null;
  readonly last_name?: string | null;
  readonly company?: string | null;
  readonly address_1?: string | null;
  readonly address_2?: string | null;
  readonly city?: string | null;
  readonly province?: string | null;
  readonly postal_code?: string | null;
  readonly country_code?: string | null;
  readonly phone?: string | null;
  readonly is_default_billing?: boolean | null;
  readonly is_default_shipping?: boolean | null;
}

export interface GraphCustomer {
  readonly id: string;
  readonly email?: string | null;
  readonly first_name?: string | null;
  readonly last_name?: string | null;
  readonly company_name?: string | null;
  readonly phone?: string | null;
  readonly has_account?: boolean | null;
  readonly created_at?: string | Date | null;
  readonly updated_at?: string | Date | null;
  readonly addresses?: readonly GraphAddress[] | null;
}

export interface GraphLineItem {
  readonly id: string;
  readonly title?: string | null;
  readonly product_title?: string | null;
  readonly variant_title?: string | null;
  readonly variant_sku?: string | null;
  readonly variant_id?: string | null;
  readonly product_type?: string | null;
  readonly quantity: Numeric;
  readonly unit_price?: Numeric;
  readonly subtotal?: Numeric;
  readonly tax_total?: Numeric;
  readonly discount_total?: Numeric;
  readonly total?: Numeric;
}

export interface GraphRefund {
  readonly id: string;
  readonly amount: Numeric;
  readonly note?: string | null;
  readonly created_at?: string | Date | null;
  readonly refund_reason?: { readonly label?: string | null } | null;
}

export interface GraphCapture {
  readonly id: string;
  readonly amount: Numeric;
  readonly created_at?: string | Date | null;
}

export interface GraphPayment {
  readonly id: string;
  readonly amount?: Numeric;
  readonly currency_code?: string | null;
  readonly provider_id?: string | null;
  readonly captured_at?: string | Date | null;
  readonly canceled_at?: string | Date | null;
  readonly created_at?: string | Date | null;
  readonly captures?: readonly GraphCapture[] | null;
  readonly refunds?: readonly GraphRefund[] | null;
}

export interface GraphOrder {
  readonly id: string;
  readonly display_id?: number | null;
  readonly status?: string | null;
  readonly email?: string | null;
  readonly currency_code: string;
  readonly created_at?: string | Date | null;
  readonly updated_at?: string | Date | null;
  readonly canceled_at?: string | Date | null;
  readonly total?: Numeric;
  readonly credit_line_total?: Numeric;
  readonly item_subtotal?: Numeric;
  readonly tax_total?: Numeric;
  readonly discount_total?: Numeric;
  readonly shipping_subtotal?: Numeric;
  readonly shipping_tax_total?: Numeric;
  readonly items?: readonly GraphLineItem[] | null;
  readonly shipping_address?: GraphAddress | null;
  readonly billing_address?: GraphAddress | null;
  readonly customer?: GraphCustomer | null;
  readonly payment_collections?: ReadonlyArray<{ readonly payments?: readonly GraphPayment[] | null }> | null;
}

export interface GraphVariant {
  readonly id: string;
  readonly sku?: string | null;
  readonly title?: string | null;
  readonly weight?: Numeric;
  readonly manage_inventory?: boolean | null;
  readonly created_at?: string | Date | null;
  readonly updated_at?: string | Date | null;
  readonly product?: { readonly id?: string; readonly title?: string | null; readonly is_giftcard?: boolean | null } | null;
  readonly prices?: ReadonlyArray<{ readonly amount: Numeric; readonly currency_code?: string | null }> | null;
  readonly inventory_items?: ReadonlyArray<{
    readonly inventory?: { readonly location_levels?: ReadonlyArray<{ readonly stocked_quantity?: Numeric }> | null } | null;
  }> | null;
}
