<?php
/**
 * Server-side calls to the booking backend: its `config` and the practice's catalogue (the
 * guest API's insurances, appointment categories and types), for the settings page and the
 * block editor. Visitors' browsers never come here: the widget calls its backend itself.
 *
 * @package PatientBooking
 */

defined( 'ABSPATH' ) || exit;

/** The API below the backend's base URL (the portal's patient API paths). */
const PATIENT_BOOKING_API = 'api/patient/v1/';

/** How long the editor's catalogue is kept (seconds). */
const PATIENT_BOOKING_CATALOGUE_TTL = 300;

/** This site's origin (`https://host[:port]`): what browsers send to the backend as `Origin`. */
function patient_booking_site_origin(): string {
	$home   = wp_parse_url( home_url( '/' ) );
	$origin = ( $home['scheme'] ?? 'https' ) . '://' . ( $home['host'] ?? '' );
	return isset( $home['port'] ) ? $origin . ':' . (int) $home['port'] : $origin;
}

/**
 * GET `$url` as this site's pages would (with their `Origin`), without following redirects.
 *
 * @return array|WP_Error The response, or why there is none.
 */
function patient_booking_get( string $url ) {
	return wp_remote_get(
		$url,
		array(
			'timeout'     => 5,
			'redirection' => 0,
			'user-agent'  => 'patient-booking-wordpress/' . PATIENT_BOOKING_VERSION,
			'headers'     => array(
				'Accept' => 'application/json',
				'Origin' => patient_booking_site_origin(),
			),
		)
	);
}

/** The decoded JSON body of a response, or null. */
function patient_booking_json( $response ) {
	$body = json_decode( (string) wp_remote_retrieve_body( $response ), true );
	return is_array( $body ) ? $body : null;
}

/**
 * Every item of a catalogue list (`insurances`, `appointment_categories`, `appointment_types`),
 * page by page.
 *
 * @return array|WP_Error The items, or why they could not be read.
 */
function patient_booking_list( string $backend_url, string $path ) {
	$items = array();
	for ( $page = 1; $page <= 10; $page++ ) {
		$response = patient_booking_get( $backend_url . PATIENT_BOOKING_API . $path . '?page=' . $page . '&per_page=100' );
		if ( is_wp_error( $response ) ) {
			return $response;
		}
		$status = (int) wp_remote_retrieve_response_code( $response );
		$body   = patient_booking_json( $response );
		if ( 200 !== $status || ! isset( $body['data'] ) || ! is_array( $body['data'] ) ) {
			return new WP_Error(
				'patient_booking_catalogue',
				/* translators: 1: a catalogue path such as "insurances", 2: an HTTP status code */
				sprintf( __( 'The backend answered "%1$s" with HTTP %2$d.', 'patient-booking' ), $path, $status ),
				array(
					'status' => $status,
					'error'  => is_array( $body ) ? (string) ( $body['error'] ?? '' ) : '',
				)
			);
		}
		$items = array_merge( $items, $body['data'] );
		if ( empty( $body['meta']['has_more'] ) ) {
			break;
		}
	}
	return $items;
}

/** `[id, name]` pairs (and the category of a type) of a list's items, as strings. */
function patient_booking_choices( array $items, bool $with_category = false ): array {
	$choices = array();
	foreach ( $items as $item ) {
		$id = patient_booking_id( $item['id'] ?? '' );
		if ( '' === $id || ! is_string( $item['name'] ?? null ) ) {
			continue;
		}
		$choice = array(
			'id'   => $id,
			'name' => sanitize_text_field( $item['name'] ),
		);
		if ( $with_category ) {
			$choice['categoryId'] = patient_booking_id( $item['appointment_category_id'] ?? '' );
		}
		$choices[] = $choice;
	}
	return $choices;
}

/**
 * The practice's catalogue for the editor's dropdowns, kept for a few minutes.
 *
 * @return array|WP_Error `{insurances, categories, types}`, or why it could not be read.
 */
function patient_booking_catalogue( string $backend_url ) {
	$cached = get_transient( 'patient_booking_catalogue' );
	if ( is_array( $cached ) && ( $cached['url'] ?? '' ) === $backend_url ) {
		return $cached['catalogue'];
	}
	$lists = array(
		'insurances' => 'insurances',
		'categories' => 'appointment_categories',
		'types'      => 'appointment_types',
	);
	$catalogue = array();
	foreach ( $lists as $key => $path ) {
		$items = patient_booking_list( $backend_url, $path );
		if ( is_wp_error( $items ) ) {
			return $items;
		}
		$catalogue[ $key ] = patient_booking_choices( $items, 'types' === $key );
	}
	set_transient(
		'patient_booking_catalogue',
		array(
			'url'       => $backend_url,
			'catalogue' => $catalogue,
		),
		PATIENT_BOOKING_CATALOGUE_TTL
	);
	return $catalogue;
}
