<?php
/**
 * Installs a fresh WordPress site for the WordPress end-to-end test (run with php-cli, the site's
 * folder in WP_DIR): the site, the admin user, the default theme, the plugin from its zip (argv[1])
 * unpacked as WordPress's "Upload Plugin" does and activated, and the pages given as JSON in
 * argv[2] (`[{title, content}]`). Prints the pages' ids as JSON.
 */

define( 'WP_INSTALLING', true );
require getenv( 'WP_DIR' ) . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
require_once ABSPATH . 'wp-admin/includes/file.php';

/** Stops the set-up with the error's message. */
function fail_on( $result ) {
	if ( is_wp_error( $result ) ) {
		fwrite( STDERR, $result->get_error_message() . "\n" );
		exit( 1 );
	}
}

fail_on( wp_install( 'Praxis am Stadtpark', 'admin', 'admin@example.com', true, '', 'admin-password' ) );
switch_theme( 'twentytwentythree' );
// Gravatar is on the internet, which the test machine cannot reach.
update_option( 'show_avatars', 0 );
WP_Filesystem();
fail_on( unzip_file( $argv[1], WP_PLUGIN_DIR ) );
fail_on( activate_plugin( 'patient-booking/patient-booking.php' ) );
wp_set_current_user( 1 );
// The block editor opens without its welcome guide.
update_user_meta( 1, $wpdb->get_blog_prefix() . 'persisted_preferences', array( 'core/edit-post' => array( 'welcomeGuide' => false ), '_modified' => gmdate( 'c' ) ) );
$ids = array();
foreach ( json_decode( $argv[2], true ) as $page ) {
	$ids[] = wp_insert_post(
		array(
			'post_type'    => 'page',
			'post_status'  => 'publish',
			'post_title'   => $page['title'],
			'post_content' => $page['content'],
		)
	);
}
echo wp_json_encode( $ids );
