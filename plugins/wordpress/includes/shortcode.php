<?php
/**
 * `[patient_booking]`: the widget where the shortcode stands. Attributes (all optional):
 * `locale` (de, en), `theme` (light, dark, auto), `accent` (#rrggbb), `insurance_id`, `category_id`,
 * `type_id` (preselect and skip those steps), `mode` (popup: a button that opens the widget in a
 * dialog; floating: that button in the window's corner). Any number per page.
 *
 * @package PatientBooking
 */

defined( 'ABSPATH' ) || exit;

add_shortcode(
	'patient_booking',
	static function ( $atts ) {
		$options = shortcode_atts(
			array(
				'locale'       => '',
				'theme'        => '',
				'accent'       => '',
				'insurance_id' => '',
				'category_id'  => '',
				'type_id'      => '',
				'mode'         => '',
			),
			is_array( $atts ) ? $atts : array(),
			'patient_booking'
		);
		$embed = patient_booking_embed( $options );
		// In a div like the block's, so that themes lay both out alike.
		return '' === $embed ? '' : '<div class="patient-booking-shortcode">' . $embed . '</div>';
	}
);
