<item ${attr}="$input.params('id')"/>
