<?php
/**
 * One embed of the widget: the `<patient-booking>` element with its attributes, every value
 * checked and escaped. The shortcode and the block both render through here.
 *
 * @package PatientBooking
 */

defined( 'ABSPATH' ) || exit;

/**
 * The markup of one widget; enqueues the script.
 *
 * @param array $options `locale`, `theme`, `accent`, `insurance_id`, `category_id`, `type_id`,
 *                       `mode` (inline, popup, floating); an empty or unknown value falls back to
 *                       the settings page's (the mode: inline).
 */
function patient_booking_embed( array $options ): string {
	$settings = patient_booking_settings();
	if ( '' === $settings['backend_url'] ) {
		if ( ! current_user_can( 'manage_options' ) ) {
			return '';
		}
		return '<p class="patient-booking-missing">' . esc_html__( 'Online booking: enter the booking backend\'s address under Settings → Patient booking (only administrators see this note).', 'patient-booking' ) . '</p>';
	}
	patient_booking_enqueue_script( $settings['backend_url'] );

	$locale     = patient_booking_choice( $options['locale'] ?? '', patient_booking_locales() );
	$theme      = patient_booking_choice( $options['theme'] ?? '', patient_booking_themes() );
	$accent     = patient_booking_colour( $options['accent'] ?? '' );
	$attributes = array(
		'locale'                  => '' !== $locale ? $locale : $settings['locale'],
		'theme'                   => '' !== $theme ? $theme : $settings['theme'],
		'insurance-id'            => patient_booking_id( $options['insurance_id'] ?? '' ),
		'appointment-category-id' => patient_booking_id( $options['category_id'] ?? '' ),
		'appointment-type-id'     => patient_booking_id( $options['type_id'] ?? '' ),
		'mode'                    => patient_booking_choice( $options['mode'] ?? '', patient_booking_modes() ),
	);
	$accent = '' !== $accent ? $accent : $settings['accent'];
	if ( '' !== $accent ) {
		$attributes['style'] = '--patient-booking-accent: ' . $accent;
	}

	$html = '<patient-booking';
	foreach ( $attributes as $name => $value ) {
		if ( '' !== $value ) {
			$html .= ' ' . $name . '="' . esc_attr( $value ) . '"';
		}
	}
	return $html . '></patient-booking>';
}
