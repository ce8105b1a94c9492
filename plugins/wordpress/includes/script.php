<?php
/**
 * The widget's script: `patient-booking.js` from the booking backend, enqueued only by an embed
 * (so only pages that show one load it), printed as an ES module, and marked so that caching and
 * optimising plugins (WP Rocket, LiteSpeed Cache, Autoptimize, Jetpack Boost, Cloudflare's
 * Rocket Loader) neither combine, minify, defer nor delay it: it is a module (deferred by
 * nature), comes from another server, and loads the rest of its code relative to its own URL.
 *
 * @package PatientBooking
 */

defined( 'ABSPATH' ) || exit;

const PATIENT_BOOKING_HANDLE = 'patient-booking';

/** Attributes that tell optimising plugins to leave the script alone. */
const PATIENT_BOOKING_LEAVE_ALONE = ' data-no-optimize="1" data-no-defer="1" data-no-minify="1" data-cfasync="false" data-jetpack-boost="ignore" nowprocket';

/** Enqueues the widget's module from `$backend_url` (once, however many embeds a page has). */
function patient_booking_enqueue_script( string $backend_url ): void {
	// No version query: the backend names its files and sets their caching itself.
	wp_enqueue_script( PATIENT_BOOKING_HANDLE, $backend_url . 'patient-booking.js', array(), null, true );
}

add_filter(
	'script_loader_tag',
	static function ( $tag, $handle, $src ) {
		if ( PATIENT_BOOKING_HANDLE !== $handle ) {
			return $tag;
		}
		return '<script type="module" src="' . esc_url( $src ) . '" id="' . esc_attr( $handle ) . '-js"' . PATIENT_BOOKING_LEAVE_ALONE . "></script>\n";
	},
	10,
	3
);

/** The part of the script's URL that optimisers' exclusion lists match. */
function patient_booking_script_pattern(): string {
	return 'patient-booking.js';
}

/** Adds the script to an exclusion list given as an array. */
function patient_booking_exclude( $list ) {
	$list   = is_array( $list ) ? $list : array();
	$list[] = patient_booking_script_pattern();
	return $list;
}

// WP Rocket: minify/combine, defer and "delay JavaScript execution".
add_filter( 'rocket_exclude_js', 'patient_booking_exclude' );
add_filter( 'rocket_exclude_defer_js', 'patient_booking_exclude' );
add_filter( 'rocket_delay_js_exclusions', 'patient_booking_exclude' );
// LiteSpeed Cache: JS optimisation and defer/delay.
add_filter( 'litespeed_optimize_js_excludes', 'patient_booking_exclude' );
add_filter( 'litespeed_optm_js_defer_exc', 'patient_booking_exclude' );
// Autoptimize: a comma-separated list.
add_filter(
	'autoptimize_filter_js_exclude',
	static function ( $list ) {
		return trim( (string) $list . ', ' . patient_booking_script_pattern(), ', ' );
	}
);
