import type { Knex } from 'knex';
import { idColumn, instantColumn, ownerColumn, timestampColumns } from './columns.js';

const storeColumns = ['gstin', 'state', 'prices_include_tax', 'default_tax_rate_bp', 'packaging_fee', 'cod_fee', 'delivery_methods', 'service_area'];
const productColumns = ['tax_rate_bp', 'hsn_code'];
const itemColumns = ['tax_rate_bp', 'hsn_code', 'discount', 'taxable_value', 'tax'];
const orderColumns = [
  'customer_house', 'customer_street', 'customer_landmark', 'customer_city', 'customer_state',
  'delivery_method', 'discount', 'coupon_code', 'packaging_fee', 'cod_fee', 'charges', 'tax_total', 'igst',
  'prices_include_tax', 'seller_gstin', 'place_of_supply', 'invoice_number', 'invoice_financial_year', 'invoiced_at',
];

/**
 * Checkout depth: GST, extra charges, coupons, delivery methods and areas, Indian addresses
 * and tax invoices.
 *
 * Tax rates are stored as whole basis points of a percent (18 % = 1800, 0.25 % = 25)
 * so both databases compare and sum them exactly. Charge rules and the service area are small
 * JSON texts read with the store row. Existing orders keep what they were: no tax, no charges,
 * no coupon, delivered, and no invoice (they were accepted before invoices existed).
 *
 * `invoice_counters` holds the next invoice number per store and financial year; taking one is
 * an upsert whose row lock lasts until commit, so a rolled-back acceptance gives its number back
 * and numbers have no gaps. `coupon_uses` has one row per discounted order: the per-phone limit
 * counts them, and cancelling the order deletes its row and gives the use back.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('stores', (t) => {
    t.string('gstin', 15).nullable();
    t.string('state', 60).nullable();
    t.boolean('prices_include_tax').notNullable().defaultTo(true);
    t.integer('default_tax_rate_bp').notNullable().defaultTo(0);
    t.text('packaging_fee').nullable();
    t.text('cod_fee').nullable();
    t.string('delivery_methods', 40).notNullable().defaultTo('delivery');
    t.text('service_area').notNullable().defaultTo('{"type":"all","values":[]}');
  });
  await knex.schema.alterTable('products', (t) => {
    t.integer('tax_rate_bp').nullable();
    t.string('hsn_code', 8).nullable();
  });
  await knex.schema.alterTable('order_items', (t) => {
    t.integer('tax_rate_bp').notNullable().defaultTo(0);
    t.string('hsn_code', 8).nullable();
    t.bigInteger('discount').notNullable().defaultTo(0);
    // NULL on lines sold before tax: their taxable value is their line total.
    t.bigInteger('taxable_value').nullable();
    t.bigInteger('tax').notNullable().defaultTo(0);
  });
  await knex.schema.alterTable('orders', (t) => {
    t.string('customer_house', 200).nullable();
    t.string('customer_street', 200).nullable();
    t.string('customer_landmark', 200).nullable();
    t.string('customer_city', 100).nullable();
    t.string('customer_state', 60).nullable();
    t.string('delivery_method', 10).notNullable().defaultTo('delivery');
    t.bigInteger('discount').notNullable().defaultTo(0);
    t.string('coupon_code', 32).nullable();
    t.bigInteger('packaging_fee').notNullable().defaultTo(0);
    t.bigInteger('cod_fee').notNullable().defaultTo(0);
    t.text('charges').notNullable().defaultTo('[]');
    t.bigInteger('tax_total').notNullable().defaultTo(0);
    t.boolean('igst').notNullable().defaultTo(false);
    t.boolean('prices_include_tax').notNullable().defaultTo(true);
    t.string('seller_gstin', 15).nullable();
    t.string('place_of_supply', 60).nullable();
    t.integer('invoice_number').nullable();
    t.string('invoice_financial_year', 7).nullable();
    t.string('invoiced_at', 24).nullable();
    t.unique(['store_id', 'invoice_financial_year', 'invoice_number']);
  });
  await knex.schema.createTable('invoice_counters', (t) => {
    ownerColumn(t, 'store_id', 'stores');
    t.string('financial_year', 7).notNullable();
    t.integer('next_number').notNullable();
    t.primary(['store_id', 'financial_year']);
  });
  await knex.schema.createTable('coupons', (t) => {
    idColumn(t);
    ownerColumn(t, 'store_id', 'stores');
    t.string('code', 32).notNullable();
    t.string('type', 8).notNullable();
    t.bigInteger('value').notNullable();
    t.bigInteger('min_order_value').notNullable().defaultTo(0);
    t.bigInteger('max_discount').nullable();
    t.string('starts_at', 24).nullable();
    t.string('ends_at', 24).nullable();
    t.integer('usage_limit').nullable();
    t.integer('per_phone_limit').nullable();
    t.boolean('first_order_only').notNullable().defaultTo(false);
    t.boolean('active').notNullable().defaultTo(true);
    t.integer('used_count').notNullable().defaultTo(0);
    timestampColumns(t);
    t.unique(['store_id', 'code']);
  });
  await knex.schema.createTable('coupon_uses', (t) => {
    idColumn(t);
    ownerColumn(t, 'coupon_id', 'coupons');
    ownerColumn(t, 'store_id', 'stores');
    ownerColumn(t, 'order_id', 'orders');
    t.string('phone', 20).notNullable();
    instantColumn(t, 'created_at');
    t.unique(['order_id']);
    t.index(['coupon_id', 'phone']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('coupon_uses');
  await knex.schema.dropTableIfExists('coupons');
  await knex.schema.dropTableIfExists('invoice_counters');
  await knex.schema.alterTable('orders', (t) => {
    t.dropUnique(['store_id', 'invoice_financial_year', 'invoice_number']);
  });
  const drop = async (table: string, columns: string[]) => {
    for (const column of columns) await knex.raw('ALTER TABLE ?? DROP COLUMN ??', [table, column]);
  };
  await drop('orders', orderColumns);
  await drop('order_items', itemColumns);
  await drop('products', productColumns);
  await drop('stores', storeColumns);
}
