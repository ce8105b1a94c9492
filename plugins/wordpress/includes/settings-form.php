<?php
/**
 * The settings page's markup (included by `patient_booking_settings_page()`, which provides
 * `$settings`, `$test` and `$name`).
 *
 * @package PatientBooking
 */

defined( 'ABSPATH' ) || exit;

$patient_booking_select = static function ( string $key, array $choices ) use ( $settings, $name ): void {
	echo '<select id="patient-booking-' . esc_attr( $key ) . '" name="' . esc_attr( $name( $key ) ) . '">';
	foreach ( $choices as $value => $label ) {
		echo '<option value="' . esc_attr( $value ) . '"' . selected( $settings[ $key ], (string) $value, false ) . '>' . esc_html( $label ) . '</option>';
	}
	echo '</select>';
};
?>
<div class="wrap">
	<h1><?php esc_html_e( 'Patient booking', 'patient-booking' ); ?></h1>
	<?php if ( $test ) : ?>
		<div class="notice <?php echo $test['result']['ok'] ? 'notice-success' : 'notice-error'; ?> patient-booking-test-result" role="<?php echo $test['result']['ok'] ? 'status' : 'alert'; ?>">
			<p><?php echo esc_html( $test['result']['message'] ); ?></p>
		</div>
	<?php endif; ?>
	<p><?php esc_html_e( 'The booking widget comes from the practice\'s booking backend, which holds the practice\'s access to its patient portal. Patients\' browsers talk to that backend only.', 'patient-booking' ); ?></p>
	<form method="post" action="<?php echo esc_url( admin_url( 'options.php' ) ); ?>">
		<?php settings_fields( 'patient_booking' ); ?>
		<table class="form-table" role="presentation">
			<tr>
				<th scope="row"><label for="patient-booking-backend_url"><?php esc_html_e( 'Booking backend', 'patient-booking' ); ?></label></th>
				<td>
					<input type="url" class="regular-text code" id="patient-booking-backend_url" name="<?php echo esc_attr( $name( 'backend_url' ) ); ?>" value="<?php echo esc_attr( $settings['backend_url'] ); ?>" placeholder="https://clinic.example/pb/" aria-describedby="patient-booking-backend-help">
					<p class="description" id="patient-booking-backend-help"><?php esc_html_e( 'The folder the backend serves patient-booking.js from. The backend must list this site in its ALLOWED_ORIGINS unless it runs on this site\'s own address.', 'patient-booking' ); ?></p>
					<p><button type="submit" class="button" name="patient_booking_test" value="1" formnovalidate formaction="<?php echo esc_url( admin_url( 'options-general.php?page=' . PATIENT_BOOKING_PAGE ) ); ?>"><?php esc_html_e( 'Test the connection', 'patient-booking' ); ?></button></p>
				</td>
			</tr>
			<tr>
				<th scope="row"><label for="patient-booking-locale"><?php esc_html_e( 'Default language', 'patient-booking' ); ?></label></th>
				<td><?php $patient_booking_select( 'locale', patient_booking_locales() ); ?></td>
			</tr>
			<tr>
				<th scope="row"><label for="patient-booking-theme"><?php esc_html_e( 'Theme', 'patient-booking' ); ?></label></th>
				<td><?php $patient_booking_select( 'theme', patient_booking_themes() ); ?></td>
			</tr>
			<tr>
				<th scope="row"><label for="patient-booking-accent"><?php esc_html_e( 'Accent colour', 'patient-booking' ); ?></label></th>
				<td>
					<input type="text" class="code" size="10" id="patient-booking-accent" name="<?php echo esc_attr( $name( 'accent' ) ); ?>" value="<?php echo esc_attr( $settings['accent'] ); ?>" placeholder="#0b6e4f" pattern="#([0-9a-fA-F]{3}){1,2}" aria-describedby="patient-booking-accent-help">
					<p class="description" id="patient-booking-accent-help"><?php esc_html_e( 'Buttons, links and the selection, as #rrggbb; empty: the widget\'s own colour.', 'patient-booking' ); ?></p>
				</td>
			</tr>
		</table>
		<?php submit_button(); ?>
	</form>
	<h2><?php esc_html_e( 'Putting the widget on a page', 'patient-booking' ); ?></h2>
	<p><?php esc_html_e( 'Add the block "Patient booking" in the editor, or write the shortcode. Every option is optional and overrides the settings above for that one widget:', 'patient-booking' ); ?></p>
	<p><code>[patient_booking locale="de" theme="light" accent="#0b6e4f" insurance_id="…" category_id="…" type_id="…"]</code></p>
	<?php patient_booking_print_catalogue( patient_booking_settings()['backend_url'] ); ?>
</div>
